package cn.wssp.portal.interfaces.security;

import cn.wssp.portal.application.Accounts;
import cn.wssp.portal.domain.model.Role;
import cn.wssp.portal.domain.model.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks usernames and PBKDF2-hashed passwords against the user table; groups are the roles. */
@ApplicationScoped
public class PortalIdentityStore implements IdentityStore {
  @Inject
  Accounts accounts;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential upc)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Optional<UserAccount> user = accounts.authenticate(upc.getCaller(), upc.getPasswordAsString());
    return user.map(PortalIdentityStore::result).orElse(CredentialValidationResult.INVALID_RESULT);
  }

  static CredentialValidationResult result(UserAccount u) {
    return new CredentialValidationResult(u.username(),
        u.roles().stream().map(Role::name).collect(Collectors.toSet()));
  }
}
