# Countersign: stop federating contoso.com; Microsoft Entra ID signs its users in again.
param(
    [switch] $Force,
    [switch] $RemoveFederationConfiguration
)
#Requires -Modules Microsoft.Graph.Identity.DirectoryManagement
$ErrorActionPreference = 'Stop'
$DomainId = 'contoso.com'

Write-Warning "Converting $DomainId to managed authentication can take up to 2 hours; sign-ins may fail meanwhile."
Write-Warning "Users then sign in with cloud passwords: set them first or enable Password Hash Sync, or they cannot sign in."
Write-Warning "Countersign MFA no longer applies to Microsoft 365 sign-ins of this domain."
if (-not $Force) {
    $answer = Read-Host "Type $DomainId to convert it to managed"
    if ($answer -ne $DomainId) { Write-Host 'Nothing changed.'; return }
}

# Domain.ReadWrite.All is what Microsoft documents for this; Domain-InternalFederation.ReadWrite.All
# (plus Domain.Read.All) is narrower if your tenant grants it.
Connect-MgGraph -Scopes "Domain.ReadWrite.All"

Update-MgDomain -DomainId $DomainId -AuthenticationType 'Managed'
if ($RemoveFederationConfiguration) {
    $existing = Get-MgDomainFederationConfiguration -DomainId $DomainId | Select-Object -First 1
    if ($null -ne $existing) {
        Remove-MgDomainFederationConfiguration -DomainId $DomainId -InternalDomainFederationId $existing.Id
    }
}
$domain = Get-MgDomain -DomainId $DomainId
Write-Host "$DomainId now reports AuthenticationType $($domain.AuthenticationType)."
