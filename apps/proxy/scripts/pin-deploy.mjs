// Pins the deployment files to this release: the proxy image the Deployment runs (deploy/k8s/deployment.yaml) and
// the CLI the example job runs (deploy/k8s/caller-cronjob.yaml) follow the packages' versions. Run after
// `changeset version` (the root's version-packages script); test/deploy.test.ts fails when they differ.
import { readFile, writeFile } from 'node:fs/promises';

const versionOf = async (path) => JSON.parse(await readFile(new URL(path, import.meta.url), 'utf8')).version;
const proxy = await versionOf('../package.json');
const cli = await versionOf('../../cli/package.json');
const pins = [
  ['../deploy/k8s/deployment.yaml', /(image: ghcr\.io\/[^/\s]+\/wks-logoff-proxy:)\S+/g, `$1${proxy}`],
  ['../deploy/k8s/caller-cronjob.yaml', /"@wks-logoff\/cli@[^"]*"/g, `"@wks-logoff/cli@${cli}"`],
];
for (const [path, pattern, replacement] of pins) {
  const file = new URL(path, import.meta.url);
  const text = await readFile(file, 'utf8');
  const pinned = text.replace(pattern, replacement);
  if (pinned !== text) {
    await writeFile(file, pinned);
    console.log(`pinned ${path.replace('../', '')}`);
  }
}
