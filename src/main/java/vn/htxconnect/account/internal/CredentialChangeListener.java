package vn.htxconnect.account.internal;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.stereotype.Component;

/**
 * Tells the {@link CredentialCache} that a user, a membership or an API key changed (JPA entity listener; Spring
 * Boot lets Hibernate take it from the application context).
 */
@Component
class CredentialChangeListener {

    private final CredentialCache cache;

    CredentialChangeListener(CredentialCache cache) {
        this.cache = cache;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        switch (entity) {
            case UserEntity u when u.id != null -> cache.forgetUser(u.id);
            case MembershipEntity m -> cache.forgetUser(m.userId);
            case ApiKeyEntity k when k.id != null -> cache.forgetKey(k.id);
            default -> { }
        }
    }
}
