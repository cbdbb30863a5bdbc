package vn.htxconnect.platform;

import java.time.ZoneId;

/** Vietnam's time zone (UTC+7, no daylight saving): calendar days and months of the product are Vietnamese ones. */
public final class VietnamTime {

    /** {@code Asia/Ho_Chi_Minh}. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private VietnamTime() {
    }
}
