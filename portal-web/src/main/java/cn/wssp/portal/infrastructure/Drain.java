package cn.wssp.portal.infrastructure;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Draining on SIGTERM / Ctrl-C (SIGINT): the instance first leaves the balancer, finishes what it
 * is doing, and only then shuts down the normal way.
 *
 * <p>How it hooks in, and why so. A JVM shutdown hook cannot drain: the JVM starts all hooks at
 * once, and Payara Micro's own hook ({@code PayaraMicroImpl$1}) calls {@code GlassFish.stop()}
 * straight away, which closes the HTTP listener and undeploys the application while a hook of ours
 * would still be waiting; requests in progress are cut. Trapping the signal in {@code ./portal}
 * (not exec-ing Java) would work for SIGTERM, but Ctrl-C in a terminal reaches every process of the
 * foreground group, the JVM included, and the pid files and tests rely on ./portal's pid being the
 * JVM's. So the signal is taken where it arrives, before any hook runs: the JDK turns SIGTERM,
 * SIGINT and SIGHUP into {@code System.exit} through handlers registered with
 * {@code sun.misc.Signal} (jdk.unsupported, exported); Payara registers none of its own (checked
 * in payara-micro 6.2025.10). {@link #install} replaces the TERM and INT handlers: the replacement
 * drains, then calls {@code System.exit(128 + signal)} as the JDK's handler would, and Payara's
 * hook, the application's {@code @PreDestroy} and the embedded S3 server's stop run as before.
 * A second signal while draining exits at once. Where the JVM ignores a signal (a background
 * process of a script, e.g. the instances of ./portal cluster for SIGINT), nothing is replaced.
 *
 * <p>While draining: readiness answers DOWN at once ({@link ReadinessCheck}), so the balancer
 * takes the instance out; requests still arriving are served normally until it has; background
 * jobs claim nothing new. The drain ends when no request and no job is in progress and, if a
 * balancer was polling readiness, it has been answered DOWN {@link #BALANCER_FALL} times (HAProxy's
 * {@code fall}: it has then stopped sending), or after PORTAL_DRAIN_SECONDS (default 20; 0: no
 * drain, the JDK's handlers stay).
 */
public final class Drain {
  private static final Logger LOG = Logger.getLogger(Drain.class.getName());

  /** Consecutive failed checks after which the balancer (HAProxy, cluster.sh) drops a server. */
  static final int BALANCER_FALL = 2;
  /** Readiness polled twice within this before the drain: a balancer is watching. */
  private static final long WATCHED_NANOS = TimeUnit.SECONDS.toNanos(10);

  private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
  private static final AtomicInteger DOWN_ANSWERS = new AtomicInteger();
  private static volatile boolean draining;
  private static volatile long lastReadinessPoll;
  private static volatile long previousReadinessPoll;
  private static volatile boolean balancerWatching;

  private static final Object LOCK = new Object();
  private static Object[] previous; // the JDK's handlers, restored on undeploy
  private static Object[] signals;

  private Drain() {}

  /** True from the first SIGTERM/SIGINT on. */
  public static boolean draining() {
    return draining;
  }

  /** A request or job begins; pair with {@link #end}. */
  public static void begin() {
    IN_FLIGHT.incrementAndGet();
  }

  public static void end() {
    IN_FLIGHT.decrementAndGet();
  }

  public static int inFlight() {
    return IN_FLIGHT.get();
  }

  /** Readiness was asked (by the balancer, or anyone); {@code down}: it answered DOWN. */
  static void readinessPolled(boolean down) {
    previousReadinessPoll = lastReadinessPoll;
    lastReadinessPoll = System.nanoTime();
    if (down && draining) {
      DOWN_ANSWERS.incrementAndGet();
    }
  }

  /** Replaces the JDK's SIGTERM and SIGINT handlers by draining ones (see the class comment). */
  public static void install(Duration timeout) {
    if (timeout.isZero() || timeout.isNegative()) {
      LOG.info("PORTAL_DRAIN_SECONDS=0：收到停止信号时不排空，立即关闭");
      return;
    }
    synchronized (LOCK) {
      if (previous != null) {
        return;
      }
      try {
        SignalApi api = SignalApi.load();
        ClassLoader system = api.loader();
        Class<?> signal = api.signal();
        Class<?> handler = api.handler();
        Method handle = api.handle();
        Method number = signal.getMethod("getNumber");
        Object ignored = handler.getField("SIG_IGN").get(null);
        Object ours = Proxy.newProxyInstance(system, new Class<?>[] {handler}, (proxy, m, args) -> {
          if (m.getName().equals("handle")) {
            onSignal((Integer) number.invoke(args[0]), timeout);
            return null;
          }
          return switch (m.getName()) {
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> "drain signal handler";
          };
        });
        Object[] sigs = {signal.getConstructor(String.class).newInstance("TERM"),
            signal.getConstructor(String.class).newInstance("INT")};
        Object[] old = new Object[sigs.length];
        for (int i = 0; i < sigs.length; i++) {
          old[i] = handle.invoke(null, sigs[i], ours);
          if (old[i] == ignored) { // ignored by the JVM (a script's background job): keep it so
            handle.invoke(null, sigs[i], ignored);
          }
        }
        signals = sigs;
        previous = old;
        LOG.info("停止信号（SIGTERM/Ctrl-C）先排空：就绪检查转为 DOWN，进行中的请求最多等待 "
            + timeout.toSeconds() + " 秒（PORTAL_DRAIN_SECONDS）");
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.log(Level.WARNING, "无法接管停止信号，停止时不排空：" + e, e);
      }
    }
  }

  /**
   * sun.misc.Signal and its handler type, from the system class loader (the JDK's, not the
   * application's), and {@code Signal.handle(Signal, SignalHandler)}: reached by reflection so
   * the code compiles and loads without the internal API on the module path.
   */
  private record SignalApi(ClassLoader loader, Class<?> signal, Class<?> handler, Method handle) {
    static SignalApi load() throws ReflectiveOperationException {
      ClassLoader system = ClassLoader.getSystemClassLoader();
      Class<?> signal = Class.forName("sun.misc.Signal", true, system);
      Class<?> handler = Class.forName("sun.misc.SignalHandler", true, system);
      return new SignalApi(system, signal, handler, signal.getMethod("handle", signal, handler));
    }
  }

  /** Puts the JDK's handlers back (the application is undeployed; the JVM may live on). */
  public static void uninstall() {
    synchronized (LOCK) {
      if (previous == null) {
        return;
      }
      try {
        Method handle = SignalApi.load().handle();
        for (int i = 0; i < signals.length; i++) {
          handle.invoke(null, signals[i], previous[i]);
        }
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.log(Level.FINE, "恢复信号处理失败", e);
      }
      previous = null;
      signals = null;
    }
  }

  private static void onSignal(int number, Duration timeout) {
    boolean again;
    synchronized (LOCK) {
      again = draining;
      if (!again) {
        // Polled at least twice lately: something keeps watching (not one curl by hand).
        balancerWatching = previousReadinessPoll != 0
            && System.nanoTime() - previousReadinessPoll < WATCHED_NANOS;
        DOWN_ANSWERS.set(0);
        draining = true;
      }
    }
    if (again) { // a second Ctrl-C: no more waiting (exit outside the lock: the hooks uninstall)
      LOG.warning("再次收到停止信号：不再等待，立即关闭");
      exit(number);
      return;
    }
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    LOG.info("收到停止信号（" + number + "）：开始排空，就绪检查转为 DOWN；进行中 " + IN_FLIGHT.get()
        + " 个请求/任务，最多等待 " + timeout.toSeconds() + " 秒"
        + (balancerWatching ? "；等负载均衡器确认摘除" : ""));
    boolean done = false;
    while (System.nanoTime() < deadline) {
      if (IN_FLIGHT.get() <= 0 && (!balancerWatching || DOWN_ANSWERS.get() >= BALANCER_FALL)) {
        done = true;
        break;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (done) {
      LOG.info("排空完成（" + ms + " 毫秒）：继续正常关闭");
    } else {
      LOG.warning("排空超时（" + ms + " 毫秒）：仍有 " + IN_FLIGHT.get() + " 个请求/任务进行中，继续关闭");
    }
    exit(number);
  }

  /** As the JDK's own handler: exit status 128 + signal; the shutdown hooks then run. */
  private static void exit(int number) {
    Runtime.getRuntime().exit(128 + number);
  }
}
