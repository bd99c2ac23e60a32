package org.picbed.shop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import org.picbed.auth.Admins;

import java.util.Set;

/** The operator ({@code PICBED_ADMIN_USER} / {@code PICBED_ADMIN_PASSWORD}) is the storefront's admin. */
@ApplicationScoped
public class AdminIdentityStore implements IdentityStore {

    public static final String ROLE = "shop-admin";

    @Inject
    Admins admins;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return admins.matches(credential.getCaller(), credential.getPasswordAsString())
                ? new CredentialValidationResult(credential.getCaller(), Set.of(ROLE))
                : CredentialValidationResult.INVALID_RESULT;
    }
}
