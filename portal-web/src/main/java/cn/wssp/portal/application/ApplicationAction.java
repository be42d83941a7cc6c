package cn.wssp.portal.application;

/**
 * What the actor may do with an application right now, as the pages and API clients are told
 * (so no page re-derives the rules): {@link AccessPolicy#actionsFor} is the one place.
 */
public enum ApplicationAction {
  /** Upload or replace materials, and submit (the applicant, in DRAFT or SUPPLEMENT_REQUESTED). */
  EDIT_MATERIALS,
  SUBMIT,
  WITHDRAW,
  /** Sign a commitment (承诺书) for the commitable materials the pre-review found missing. */
  COMMIT,
  /** Hand in the materials an open commitment promised, after acceptance. */
  SUPPLY_PROMISED,
  /** Hand in the materials a 审查补正 asked for, then submit (the applicant; the clock is paused). */
  SUPPLY_REVIEW_SUPPLEMENT,
  /** 审查补正: a deciding department's reviewer or chief asks for materials during review. */
  REVIEW_SUPPLEMENT,
  /** The window's accept / supplement / not-accept (统一受理). */
  ACCEPTANCE,
  /** The chief representative's sealed decision. */
  DECISION,
  /** 上报件: a deciding department's reviewer or chief sends it to the higher authority. */
  FORWARD,
  /** 上报件: the department's chief records the higher authority's answer and issues the decision. */
  ANSWER_FORWARDING,
  /** 审查意见: a reviewer of a department still to decide advises its chief representative. */
  OPINION,
  /** 好差评: the owner rates the handling once, after the outcome. */
  EVALUATE,
  /** Revoke an issued approval with a signed revocation decision. */
  REVOKE,
  /** Open the uploaded materials (the enterprise, the window, the deciding departments). */
  READ_MATERIALS,
  /** Download the issued notices and decisions. */
  READ_DOCUMENTS,
  /** Read the application's audit trail. */
  READ_AUDIT_TRAIL
}
