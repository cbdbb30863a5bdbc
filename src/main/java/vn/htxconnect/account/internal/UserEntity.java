package vn.htxconnect.account.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.htxconnect.platform.Timestamped;
import vn.htxconnect.platform.Actor;

@Entity
@EntityListeners(CredentialChangeListener.class)
@Table(name = "app_user")
class UserEntity extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String email;

    @Column(nullable = false)
    String name;

    String phone;

    @Column(nullable = false)
    String passwordHash;

    @Column(nullable = false)
    String preferredLanguage = "vi";

    @Enumerated(EnumType.STRING)
    Actor.PlatformRole platformRole;

    Instant lastLoginAt;

    /**
     * Sign-in tokens issued before this instant (epoch milliseconds) are refused: sign out everywhere, a password
     * change or reset.
     */
    Long tokensValidAfterMs;

    /** The jti of the one earlier token still accepted: the session that changed the password. */
    String keptTokenId;

    @Version
    long version;

}
