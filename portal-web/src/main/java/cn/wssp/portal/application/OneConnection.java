package cn.wssp.portal.application;

/**
 * Makes the current transaction read through its own database connection from its first query
 * (see {@link InTransaction#reading} for why); the persistence layer implements it.
 */
public interface OneConnection {
  void forTheCurrentTransaction();
}
