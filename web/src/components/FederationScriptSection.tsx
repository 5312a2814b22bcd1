import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { GenerateFederationScriptMutation } from '../graphql/GenerateFederationScriptMutation';
import type { FederationScript, FederationScriptKind, SamlConnector } from '../graphql/samlTypes';
import type { ServiceInstance } from '../graphql/serviceTypes';
import { describeError } from '../internal/describeError';
import { SAML_FIELD_HELP } from '../internal/samlFieldHelp';
import { FEDERATION_SCRIPTS } from '../internal/samlLabels';
import { Alert } from './Alert';
import { FieldHelp } from './FieldHelp';
import { Icon } from './Icon';
import { ScriptBlock } from './ScriptBlock';
import { SelectField } from './SelectField';

export interface FederationScriptSectionProps {
  connector: SamlConnector;
  /** The services that use this connector; the script takes the sign-in URLs of one of them. */
  services: ServiceInstance[];
  /** The form has unsaved changes: the script is built from what is saved. */
  unsaved: boolean;
  titleId: string;
}

/**
 * GENERATE SCRIPT for an Office 365 connector: choose the kind of PowerShell script, generate it
 * from the saved settings, then copy or download it, with the warnings the server gives.
 */
export function FederationScriptSection({ connector, services, unsaved, titleId }: FederationScriptSectionProps) {
  const legendId = useId();
  const [kind, setKind] = useState<FederationScriptKind>('GRAPH_POWERSHELL');
  const [serviceId, setServiceId] = useState(services[0]?.id ?? '');
  const [script, setScript] = useState<FederationScript | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [{ fetching }, generate] = useMutation(GenerateFederationScriptMutation);
  const chosenService = services.some((s) => s.id === serviceId) ? serviceId : (services[0]?.id ?? '');

  async function onGenerate() {
    setProblem(null);
    setScript(null);
    const result = await generate({ connectorId: connector.id, kind, serviceId: services.length > 1 ? chosenService : null });
    if (result.error) {
      setProblem(describeError(result.error).message);
      return;
    }
    setScript(result.data?.generateFederationScript ?? null);
  }

  return (
    <>
      <h2 id={titleId}>Federation script</h2>
      <p className="page-intro">
        PowerShell that sets up {connector.federatedDomain ? <code>{connector.federatedDomain}</code> : 'the domain'} in Entra
        ID with exactly what Countersign uses: the Issuer, the service’s sign-in and sign-out URLs and the signing
        certificate. Run it as a Global Administrator (or Domain Name Administrator).
      </p>
      {unsaved ? (
        <Alert tone="info">The script is built from the saved settings; save your changes first.</Alert>
      ) : null}
      <div className="script-form">
        <fieldset className="script-kinds" aria-describedby={`${legendId}-help`}>
          <legend>
            Script
            <FieldHelp id={`${legendId}-help`} label="Script kind">
              {SAML_FIELD_HELP.federationScript}
            </FieldHelp>
          </legend>
          {FEDERATION_SCRIPTS.map((option) => (
            <label key={option.value} className={option.value === 'LEGACY_MSONLINE' ? 'script-kind script-kind-retired' : 'script-kind'}>
              <input
                type="radio"
                name="federationScriptKind"
                value={option.value}
                checked={kind === option.value}
                onChange={() => setKind(option.value)}
              />
              <span>
                <span className="script-kind-label">{option.label}</span>
                <span className="script-kind-description">{option.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {services.length > 1 ? (
          <SelectField
            label="Service whose sign-in URL to use"
            value={chosenService}
            onChange={(event) => setServiceId(event.target.value)}
            options={services.map((s) => ({ value: s.id, label: s.name }))}
            help="Several services use this connector; Entra ID sends the domain’s users to the sign-in URL of one of them."
          />
        ) : null}
        <div>
          <button type="button" className="button" onClick={onGenerate} disabled={fetching}>
            <Icon name="script" /> {fetching ? 'Generating…' : 'Generate script'}
          </button>
        </div>
      </div>

      {problem ? <Alert title="The script was not generated">{problem}</Alert> : null}
      {script ? (
        <div className="script-result" aria-live="polite">
          {script.warnings.length > 0 ? (
            <div className="script-warnings" role="note" aria-label="Before you run it">
              <p className="script-warnings-title">
                <Icon name="warning" /> Before you run it
              </p>
              <ul>
                {script.warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <ScriptBlock fileName={script.fileName} script={script.script} />
        </div>
      ) : null}
    </>
  );
}
