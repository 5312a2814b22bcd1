/** Hand-written result types of the `check…Input` queries, matching `InputCheck` in `schema.graphql`. */

export interface FieldProblem {
  field: string;
  message: string;
}

/** What saving a form would answer, without saving. */
export interface InputCheck {
  ok: boolean;
  fields: FieldProblem[];
  message: string | null;
}
