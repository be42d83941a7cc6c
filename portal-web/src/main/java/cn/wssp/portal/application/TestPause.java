package cn.wssp.portal.application;

/**
 * A moment where a crash test holds the portal still, to kill it there with -9: after an issued
 * document's PDF is stored and before its record commits (PORTAL_TEST_PAUSE_AFTER_STORE_MS, only
 * with demo data). Does nothing in any real portal.
 */
public interface TestPause {
  void afterDocumentStored();
}
