package vn.htxconnect.account;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Who people are, for modules that write to them (the notification digest): read only, in bulk. */
public interface UserDirectory {

    /** The users among these IDs, with their organizations; unknown IDs are left out. Two statements. */
    Map<Long, Recipient> recipients(Collection<Long> userIds);

    /**
     * A person to write to.
     *
     * @param language the user's preferred language ({@code vi} or {@code en})
     * @param organizationIds the organizations the user is a member of now
     */
    record Recipient(long userId, String email, String name, String language, Set<Long> organizationIds) {
    }
}
