import type { Reactor } from './reactor';
import { mfaReactors } from './register-mfa-workers';
import { tokenPackMailReactor } from './token-pack-mail.reactor';
import { passwordLinkMailReactor } from './password-link-mail';
import { adminInvitationMailReactor } from './admin-invitation-mail';

/** Every reactor of the product. */
export const reactors: readonly Reactor[] = [tokenPackMailReactor, passwordLinkMailReactor, adminInvitationMailReactor, ...mfaReactors];
