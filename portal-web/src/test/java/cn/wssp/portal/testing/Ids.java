package cn.wssp.portal.testing;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;

/** Gives entities the ids JPA would, for repositories kept in memory. */
public final class Ids {
  private static final AtomicLong NEXT = new AtomicLong(1000);

  private Ids() {}

  /** Sets the entity's id field if it has none yet; returns the entity. */
  public static <T> T assign(T entity) {
    try {
      Field f = entity.getClass().getDeclaredField("id");
      f.setAccessible(true);
      if (f.get(entity) == null) {
        f.set(entity, NEXT.incrementAndGet());
      }
      return entity;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Overwrites a private field, e.g. to tamper with a stored value in a test. */
  public static void set(Object target, String field, Object value) {
    try {
      Field f = target.getClass().getDeclaredField(field);
      f.setAccessible(true);
      f.set(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
