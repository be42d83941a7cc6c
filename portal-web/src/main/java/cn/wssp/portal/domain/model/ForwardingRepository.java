package cn.wssp.portal.domain.model;

import java.util.Optional;

/** 上报件: the forwarding of an application to the higher authority, at most one each. */
public interface ForwardingRepository {
  Optional<Forwarding> of(Long applicationId);

  void add(Forwarding forwarding);
}
