package vn.htxconnect.account.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.account.AccountInputs.ApiKeyPayload;
import vn.htxconnect.account.AccountInputs.CreateApiKeyInput;
import vn.htxconnect.account.AccountInputs.CreateApiKeyPayload;
import vn.htxconnect.account.AccountInputs.RevokeApiKeyInput;
import vn.htxconnect.account.ApiKey;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;

/** Partner API keys: created by an admin, shown once, stored as a digest, scoped, expiring, revocable. */
@Service
class ApiKeyManagement {

    private final ApiKeyRepository keys;

    ApiKeyManagement(ApiKeyRepository keys) {
        this.keys = keys;
    }

    @Transactional
    CreateApiKeyPayload create(CreateApiKeyInput in) {
        Actor admin = Access.requireAdmin();
        ValidationErrors errors = new ValidationErrors();
        String name = errors.text("name", in.name(), 120, true);
        List<String> scopes = in.scopes() == null ? List.of() : in.scopes();
        if (scopes.isEmpty()) {
            errors.add("scopes", UserErrorCode.REQUIRED, Message.of("account.apiKey.scopeRequired", ApiKey.SCOPES));
        }
        for (String s : scopes) {
            if (!ApiKey.SCOPES.contains(s)) {
                errors.add("scopes", UserErrorCode.INVALID, Message.of("account.apiKey.scopeUnknown", s, ApiKey.SCOPES));
                break;
            }
        }
        if (in.expiresAt() != null && !in.expiresAt().isAfter(Instant.now())) {
            errors.add("expiresAt", UserErrorCode.OUT_OF_RANGE, Message.of("account.apiKey.expiresInPast"));
        }
        if (errors.hasErrors()) {
            return new CreateApiKeyPayload(null, null, errors.list(), in.clientMutationId());
        }
        String prefix = Secrets.random(8);
        String secret = ApiKeyAuthenticator.PREFIX + prefix + "_" + Secrets.random(40);
        ApiKeyEntity key = new ApiKeyEntity();
        key.name = name;
        key.prefix = prefix;
        key.secretHash = Secrets.sha256(secret);
        key.scopes = String.join(",", new TreeSet<>(scopes));
        key.createdBy = admin.userId();
        key.expiresAt = in.expiresAt();
        keys.save(key);
        return new CreateApiKeyPayload(view(key), secret, List.of(), in.clientMutationId());
    }

    @Transactional
    ApiKeyPayload revoke(RevokeApiKeyInput in) {
        Access.requireAdmin();
        Long id = GlobalId.tryDecode(in.id(), ApiKey.TYPE);
        ApiKeyEntity key = id == null ? null : keys.findById(id).orElse(null);
        if (key == null) {
            return new ApiKeyPayload(null, new ValidationErrors().add("id", UserErrorCode.NOT_FOUND,
                    Message.of("account.apiKey.notFound")).list(), in.clientMutationId());
        }
        if (key.revokedAt == null) {
            key.revokedAt = Instant.now();
        }
        return new ApiKeyPayload(view(key), List.of(), in.clientMutationId());
    }

    @Transactional(readOnly = true)
    List<ApiKey> list() {
        Access.requireAdmin();
        List<ApiKey> out = new ArrayList<>();
        keys.findAll(Sort.by(Sort.Direction.DESC, "id")).forEach(k -> out.add(view(k)));
        return out;
    }

    static ApiKey view(ApiKeyEntity k) {
        return new ApiKey(k.id, k.name, k.prefix, List.copyOf(k.scopeSet()), k.createdAt, k.expiresAt, k.revokedAt,
                k.lastUsedAt);
    }
}
