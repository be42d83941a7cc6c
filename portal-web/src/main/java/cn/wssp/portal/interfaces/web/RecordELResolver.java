package cn.wssp.portal.interfaces.web;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Lets pages read Java records as #{view.number}: Jakarta EL 5 knows only getX() properties,
 * while the application layer hands out records with x() accessors. Read-only.
 */
public class RecordELResolver extends ELResolver {

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    Method accessor = accessor(base, property);
    if (accessor == null) {
      return null;
    }
    try {
      Object value = accessor.invoke(base);
      context.setPropertyResolved(base, property);
      return value;
    } catch (ReflectiveOperationException e) {
      throw new jakarta.el.ELException("无法读取 " + property, e);
    }
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    Method accessor = accessor(base, property);
    if (accessor == null) {
      return null;
    }
    context.setPropertyResolved(base, property);
    return null; // read-only, as the EL specification asks of read-only properties
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (accessor(base, property) != null) {
      throw new jakarta.el.PropertyNotWritableException("记录只读：" + property);
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (accessor(base, property) != null) {
      context.setPropertyResolved(base, property);
      return true;
    }
    return false;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base instanceof Record ? String.class : null;
  }

  /** A record's public no-argument method of that name (components and derived values alike). */
  private static Method accessor(Object base, Object property) {
    if (!(base instanceof Record) || !(property instanceof String name)) {
      return null;
    }
    try {
      Method m = base.getClass().getMethod(name);
      return Modifier.isStatic(m.getModifiers()) || m.getReturnType() == void.class ? null : m;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
