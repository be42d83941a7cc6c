package cn.wssp.portal.interfaces.security;

import cn.wssp.portal.application.Accounts;
import cn.wssp.portal.application.Actor;
import cn.wssp.portal.domain.model.DomainException;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.domain.model.TooManyAttempts;
import cn.wssp.portal.domain.model.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;

/**
 * Checks usernames and PBKDF2-hashed passwords against the user table through the throttled,
 * audited {@link Accounts#login}; groups are the roles. A throttled login is left on the request
 * ({@link #THROTTLED}) for the login page to explain.
 */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {
  /** Request attribute: the ACCOUNT_DISABLED refusal of this login (the right password, 停用). */
  public static final String DISABLED = PortalIdentityStore.class.getName() + ".disabled";

  /** Request attribute: the {@link TooManyAttempts} that refused this login. */
  public static final String THROTTLED = PortalIdentityStore.class.getName() + ".throttled";

  @Inject
  Accounts accounts;

  @Inject
  ClientAddress clientAddress;

  @Inject
  HttpServletRequest request;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential upc)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    try {
      UserAccount user = accounts.login(upc.getCaller(), upc.getPasswordAsString(),
          clientAddress.of(request));
      return result(Actor.of(user));
    } catch (TooManyAttempts e) {
      request.setAttribute(THROTTLED, e);
      return CredentialValidationResult.INVALID_RESULT;
    } catch (DomainException e) {
      if (Accounts.ACCOUNT_DISABLED.equals(e.code())) {
        request.setAttribute(DISABLED, e);
      }
      return CredentialValidationResult.INVALID_RESULT;
    }
  }

  static CredentialValidationResult result(Actor a) {
    return new CredentialValidationResult(a.username(),
        a.roles().stream().map(Role::name).collect(Collectors.toSet()));
  }

}
