package cn.wssp.portal.application;

import cn.wssp.portal.domain.model.Application;
import cn.wssp.portal.domain.model.ApplicationRepository;
import cn.wssp.portal.domain.model.Sweep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Applications created before tracking codes existed get one, so that 办件查询 covers every
 * application; after the first sweep on an upgraded portal there is nothing left to do.
 */
@ApplicationScoped
public class TrackingCodeBackfill implements Sweep {
  static final int BATCH = 500;

  @Inject
  ApplicationRepository applications;

  @Override
  public String name() {
    return "trackingCodesAssigned";
  }

  @Override
  @Transactional
  public int run() {
    int n = 0;
    for (Application app : applications.withoutTrackingCode(BATCH)) {
      n += app.assignTrackingCode(Numbers.trackingCode()) ? 1 : 0;
    }
    return n;
  }
}
