// What the errors of a validator compiled from a JSON Schema (ajv's standalone code) mean, read once for all of
// them: the spec's validators, the batch report's, the proxy's keys file. Where the problem is, which property is
// missing or unknown there, and what is wrong, in the schema's own words when it has them. Each caller then names
// the place its own way (a field, a JSON pointer, `keys[0].sha256`).

/** What this reads of an ajv error (`parentSchema` only when the validator was compiled with `verbose`). */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: { missingProperty?: unknown; additionalProperty?: unknown };
  message?: string | undefined;
  parentSchema?: Record<string, unknown> | undefined;
}

/** Where a schema keeps its own words for users: the annotation (e.g. `x-message`), and for which keyword only. */
export interface SchemaWords {
  annotation: string;
  /** Only for errors of this keyword (e.g. `pattern`); default, every keyword. */
  keyword?: string | undefined;
}

export interface SchemaProblem {
  /** The JSON pointer of the value at fault (ajv's `instancePath`): '' for the whole document. */
  readonly pointer: string;
  /**
   * A property missing from that value, or one it may not have (`known`: the properties it may have, none without
   * `verbose`).
   */
  readonly property?: { readonly name: string; readonly missing: boolean; readonly known: readonly string[] };
  /** What is wrong: the schema's own words when it has them (`words`), else ajv's, which name a missing property. */
  readonly message: string;
}

/** The problems in a validator's `errors`, in its order. */
export function schemaProblems(
  errors: readonly SchemaError[] | null | undefined,
  words?: SchemaWords,
): SchemaProblem[] {
  return (errors ?? []).map((error) => {
    const own = words && (words.keyword ?? error.keyword) === error.keyword;
    const worded = own ? error.parentSchema?.[words.annotation] : undefined;
    const problem = {
      pointer: error.instancePath,
      message: typeof worded === 'string' ? worded : (error.message ?? 'is invalid'),
    };
    if (error.keyword === 'required') {
      return {
        ...problem,
        property: { name: String(error.params.missingProperty), missing: true, known: [] },
      };
    }
    if (error.keyword === 'additionalProperties') {
      const properties = error.parentSchema?.properties;
      const known = properties && typeof properties === 'object' ? Object.keys(properties) : [];
      return {
        ...problem,
        property: { name: String(error.params.additionalProperty), missing: false, known },
      };
    }
    return problem;
  });
}
