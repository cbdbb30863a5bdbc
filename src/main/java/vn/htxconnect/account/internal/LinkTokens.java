package vn.htxconnect.account.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.htxconnect.account.SignedLinks;

@Component
class LinkTokens implements SignedLinks {

    private final TokenService tokens;

    LinkTokens(TokenService tokens) {
        this.tokens = tokens;
    }

    @Override
    public String sign(String purpose, Map<String, Object> values, Duration ttl) {
        return tokens.issueLink(purpose, values, ttl);
    }

    @Override
    public Optional<Map<String, Object>> verify(String purpose, String token) {
        return token == null || token.length() > 4000 ? Optional.empty() : tokens.verifyLink(purpose, token);
    }
}
