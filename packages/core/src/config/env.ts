// Every environment variable core reads, named once: the official SDKs' and KooCLI's names, and wks-logoff's own.
/** Environment variables core reads (the CLI and the proxy read these too, through core). */
export const ENV = {
  accessKey: 'HUAWEICLOUD_SDK_AK',
  secretKey: 'HUAWEICLOUD_SDK_SK',
  securityToken: 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  projectId: 'HUAWEICLOUD_SDK_PROJECT_ID',
  region: 'HUAWEICLOUD_SDK_REGION',
  token: 'WKS_AUTH_TOKEN',
  tokenFile: 'WKS_AUTH_TOKEN_FILE',
  iamDomain: 'HUAWEICLOUD_IAM_DOMAIN',
  iamUser: 'HUAWEICLOUD_IAM_USER',
  iamPassword: 'HUAWEICLOUD_IAM_PASSWORD',
  iamAgencyDomain: 'HUAWEICLOUD_IAM_AGENCY_DOMAIN',
  iamAgency: 'HUAWEICLOUD_IAM_AGENCY',
  endpoint: 'WKS_ENDPOINT',
  iamEndpoint: 'HUAWEICLOUD_IAM_ENDPOINT',
} as const;
