package cn.wssp.portal.infrastructure.persistence;

import cn.wssp.portal.infrastructure.PortalSettings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The data source behind the container's pool: H2 in the data folder by default, PostgreSQL when
 * PORTAL_DB_URL says so. It reads the settings itself because annotation attributes cannot
 * switch the driver class at run time.
 */
public class PortalDataSource implements DataSource {
  private volatile DataSource delegate;
  private PrintWriter logWriter;
  private int loginTimeout;

  private DataSource delegate() {
    DataSource d = delegate;
    if (d == null) {
      synchronized (this) {
        if (delegate == null) {
          delegate = create(PortalSettings.current());
        }
        d = delegate;
      }
    }
    return d;
  }

  static DataSource create(PortalSettings settings) {
    String url = settings.dbUrlOrEmbedded();
    String user = settings.dbUser().orElse(url.startsWith("jdbc:h2:") ? "sa" : "");
    String password = settings.dbPassword().orElse("");
    if (url.startsWith("jdbc:postgresql:")) {
      org.postgresql.ds.PGSimpleDataSource pg = new org.postgresql.ds.PGSimpleDataSource();
      pg.setURL(url);
      if (!user.isEmpty()) {
        pg.setUser(user);
      }
      if (!password.isEmpty()) {
        pg.setPassword(password);
      }
      return pg;
    }
    if (url.startsWith("jdbc:h2:")) {
      org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
      h2.setURL(url);
      h2.setUser(user);
      h2.setPassword(password);
      return h2;
    }
    throw new IllegalStateException(
        "PORTAL_DB_URL 只支持 jdbc:h2: 或 jdbc:postgresql: 开头的地址，当前为：" + url);
  }

  /** Describes the database for logs and health checks, without credentials. */
  public static String describe(PortalSettings settings) {
    String url = settings.dbUrlOrEmbedded();
    int semicolon = url.indexOf(';');
    return semicolon > 0 ? url.substring(0, semicolon) : url.replaceAll("password=[^&]*", "password=***");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return delegate().getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return delegate().getConnection();
  }

  // The container may set these standard properties; the settings above win.
  public void setUser(String ignored) {}

  public void setPassword(String ignored) {}

  public void setUrl(String ignored) {}

  public void setURL(String ignored) {}

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return delegate().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate().isWrapperFor(iface);
  }
}
