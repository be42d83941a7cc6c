package cn.wssp.portal.infrastructure;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Tells readiness when the web application itself serves: Payara answers /health before a
 * redeployed application's context has started (seen on restarts with a persisted root folder).
 */
@WebListener
public class WebStarted implements ServletContextListener {
  private static volatile boolean started;

  public static boolean started() {
    return started;
  }

  @Override
  public void contextInitialized(ServletContextEvent event) {
    started = true;
    // The drain on SIGTERM needs the web application up: installed once it serves.
    try {
      Drain.install(PortalSettings.current().drainTimeout());
    } catch (RuntimeException e) {
      java.util.logging.Logger.getLogger(WebStarted.class.getName()).warning(
          "停止时不排空：" + e.getMessage());
    }
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    started = false;
    Drain.uninstall();
  }
}
