// The layers of core's folders (README, "Layers"): a folder imports only the folders below it, type-only imports
// included, so the drawing stays true. madge (also in `lint`) finds circles between files; this finds an import
// that points up, which no circle may show yet.
//   errors ← spec ← config ← transport ← auth ← retry ← client ← batch
const LAYERS = ['errors', 'spec', 'config', 'transport', 'auth', 'retry', 'client', 'batch'];

const below = (index) => LAYERS.slice(0, index).join(', ') || 'nothing';

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...LAYERS.slice(0, -1).map((layer, index) => ({
      name: `${layer}-imports-only-below`,
      comment: `src/${layer}/ may import ${below(index)}: not ${LAYERS.slice(index + 1).join(', ')}`,
      severity: 'error',
      from: { path: `^src/${layer}/` },
      to: { path: `^src/(${LAYERS.slice(index + 1).join('|')})/` },
    })),
    {
      name: 'every-folder-has-a-layer',
      comment: `each folder of src/ is one of the layers (${LAYERS.join(', ')}): give a new one its place`,
      severity: 'error',
      from: { path: '^src/[^/]+/', pathNot: `^src/(${LAYERS.join('|')})/` },
      to: {},
    },
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
  },
};
