import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../components.css';
import '../styles.css';
import './authenticator.css';
import { appServiceWorker } from './appServiceWorker';
import { AuthenticatorApp } from './AuthenticatorApp';

const root = document.getElementById('root');
if (!root) throw new Error('authenticator.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AuthenticatorApp />
  </StrictMode>,
);

// The service worker caches the app shell and shows push notifications; the app works without it.
if (!import.meta.env.DEV) appServiceWorker().catch(() => undefined);
