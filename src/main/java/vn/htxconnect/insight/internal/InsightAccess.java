package vn.htxconnect.insight.internal;

import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Actor;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.ErrorCode;
import vn.htxconnect.platform.Message;

/** Insights are for the Alliance's analysts, admins and partner keys with {@value #SCOPE}. */
final class InsightAccess {

    static final String SCOPE = "insight:read";

    private InsightAccess() {
    }

    static Actor require() {
        Actor a = Access.requireSignedIn();
        if (a.kind() == Actor.Kind.API_KEY ? !a.hasScope(SCOPE) : !a.isAlliance()) {
            throw new ApiException(ErrorCode.FORBIDDEN, Message.of("insight.forbidden", SCOPE));
        }
        return a;
    }
}
