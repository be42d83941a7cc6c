package cn.wssp.portal.domain.model;

/** What the window clerk does with a pre-reviewed application (统一受理, §3). */
public enum AcceptanceAction {
  ACCEPT,
  /** 补正: every missing or defective item is told at once (一次性告知). */
  SUPPLEMENT,
  NOT_ACCEPT
}
