package cn.wssp.portal.infrastructure;

import cn.wssp.integration.mail.MailException;
import cn.wssp.integration.mail.Mailer;
import cn.wssp.portal.domain.model.ThrottleRules;
import cn.wssp.portal.domain.service.PortalProfile;
import cn.wssp.prereview.PreReviewer;
import cn.wssp.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Hands the outside resources to the application layer as the interfaces it declares or
 * imports (object store, pre-reviewer, mailer, the portal's profile); the application never
 * sees {@link PortalResources} or {@link PortalSettings}. Each is a long-lived singleton started
 * once, so dependent-scoped producers are enough.
 */
@ApplicationScoped
public class PortalProducers {
  @Inject
  PortalResources resources;

  @Produces
  ObjectStore objectStore() {
    return resources.objectStore();
  }

  @Produces
  PreReviewer preReviewer() {
    return resources.preReviewer();
  }

  /** The SMTP mailer, or one that refuses when PORTAL_SMTP_HOST is not set. */
  @Produces
  Mailer mailer() {
    return resources.mailer().orElse(message -> {
      throw new MailException("未配置 PORTAL_SMTP_HOST，不发送邮件。", null);
    });
  }

  @Produces
  cn.wssp.portal.domain.service.CenterContact centerContact() {
    return PortalSettings.current().centerContact();
  }

  @Produces
  PortalProfile profile() {
    PortalSettings s = PortalSettings.current();
    return new PortalProfile(s.centerName(), s.publicUrl(), s.uploadMaxBytes(),
        s.smtpHost().isPresent(), s.demoData());
  }

  @Produces
  cn.wssp.portal.domain.storage.StoragePolicy storagePolicy() {
    return PortalSettings.current().storagePolicy();
  }

  @Produces
  cn.wssp.portal.domain.storage.StorageQuota storageQuota() {
    return PortalSettings.current().storageQuota();
  }

  @Produces
  cn.wssp.portal.domain.model.ArchivePolicy archivePolicy() {
    return PortalSettings.current().archivePolicy();
  }

  @Produces
  ThrottleRules throttleRules() {
    return ThrottleRules.withLock(PortalSettings.current().throttleLock())
        .withPatience(PortalSettings.current().throttlePatience());
  }
}
