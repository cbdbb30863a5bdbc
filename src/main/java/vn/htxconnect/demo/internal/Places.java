package vn.htxconnect.demo.internal;

import java.util.List;
import java.util.Map;

/** Real place names (districts, communes, villages of the old and new provinces) and Vietnamese names for demo data. */
final class Places {

    private Places() {
    }

    /** Places by current province code: districts and communes people still name cooperatives after. */
    static final Map<String, List<String>> BY_PROVINCE = Map.ofEntries(
            Map.entry("01", List.of("Đông Anh", "Gia Lâm", "Mê Linh", "Ba Vì", "Sóc Sơn", "Thanh Trì", "Chương Mỹ", "Phú Vinh")),
            Map.entry("04", List.of("Trùng Khánh", "Hà Quảng", "Bảo Lạc", "Nguyên Bình", "Quảng Hòa")),
            Map.entry("08", List.of("Hàm Yên", "Chiêm Hóa", "Bắc Quang", "Hoàng Su Phì", "Đồng Văn", "Yên Sơn")),
            Map.entry("11", List.of("Mường Thanh", "Mường Ảng", "Tủa Chùa", "Điện Biên Đông", "Thanh Xương")),
            Map.entry("12", List.of("Tam Đường", "Than Uyên", "Sìn Hồ", "Tân Uyên", "Phong Thổ")),
            Map.entry("14", List.of("Mộc Châu", "Yên Châu", "Mai Sơn", "Vân Hồ", "Sông Mã", "Thuận Châu")),
            Map.entry("15", List.of("Bắc Hà", "Sa Pa", "Bát Xát", "Văn Chấn", "Mù Cang Chải", "Văn Yên")),
            Map.entry("19", List.of("Tân Cương", "Đại Từ", "Định Hóa", "Phú Lương", "Ba Bể", "Na Rì")),
            Map.entry("20", List.of("Bắc Sơn", "Lộc Bình", "Văn Quan", "Chi Lăng", "Đình Lập")),
            Map.entry("22", List.of("Vân Đồn", "Đầm Hà", "Tiên Yên", "Bình Liêu", "Ba Chẽ", "Hạ Long")),
            Map.entry("24", List.of("Lục Ngạn", "Lục Nam", "Tân Yên", "Yên Thế", "Tiên Du", "Thuận Thành")),
            Map.entry("25", List.of("Cao Phong", "Thanh Sơn", "Lâm Thao", "Tam Đảo", "Mai Châu", "Đoan Hùng")),
            Map.entry("31", List.of("Thanh Hà", "Kiến Thụy", "Tiên Lãng", "Chí Linh", "Cát Hải", "Ninh Giang")),
            Map.entry("33", List.of("Khoái Châu", "Văn Giang", "Tiên Lữ", "Kiến Xương", "Quỳnh Phụ", "Phố Hiến")),
            Map.entry("37", List.of("Kim Sơn", "Hải Hậu", "Lý Nhân", "Nho Quan", "Đồng Giao", "Giao Thủy")),
            Map.entry("38", List.of("Thọ Xuân", "Như Thanh", "Hậu Lộc", "Ngọc Lặc", "Thường Xuân", "Nga Sơn")),
            Map.entry("40", List.of("Nghĩa Đàn", "Quỳ Hợp", "Anh Sơn", "Diễn Châu", "Thanh Chương", "Con Cuông")),
            Map.entry("42", List.of("Hương Khê", "Vũ Quang", "Can Lộc", "Kỳ Anh", "Phúc Trạch")),
            Map.entry("44", List.of("Hướng Hóa", "Khe Sanh", "Lệ Thủy", "Bố Trạch", "Cồn Tiên", "Gio Linh")),
            Map.entry("46", List.of("Phong Điền", "Phú Vang", "A Lưới", "Hương Trà", "Thủy Biều")),
            Map.entry("48", List.of("Hòa Vang", "Đại Lộc", "Duy Xuyên", "Tiên Phước", "Trà My", "Nam Ô")),
            Map.entry("51", List.of("Bình Sơn", "Lý Sơn", "Ba Tơ", "Kon Plông", "Đăk Hà", "Trà Bồng")),
            Map.entry("52", List.of("Chư Sê", "Chư Prông", "Ia Grai", "An Nhơn", "Phù Cát", "Tây Sơn")),
            Map.entry("56", List.of("Cam Lâm", "Khánh Vĩnh", "Ninh Sơn", "Ninh Phước", "Diên Khánh")),
            Map.entry("66", List.of("Krông Pắc", "Cư M'gar", "Ea H'leo", "Krông Năng", "Ea Tu", "Tuy An")),
            Map.entry("68", List.of("Bảo Lộc", "Di Linh", "Đơn Dương", "Đức Trọng", "Cầu Đất", "Hàm Thuận Nam", "Gia Nghĩa")),
            Map.entry("75", List.of("Long Khánh", "Xuân Lộc", "Cẩm Mỹ", "Bù Đăng", "Đồng Xoài", "Định Quán")),
            Map.entry("79", List.of("Củ Chi", "Cần Giờ", "Hóc Môn", "Bến Cát", "Châu Đức", "Bình Chánh")),
            Map.entry("80", List.of("Tân Châu", "Gò Dầu", "Bến Lức", "Cần Giuộc", "Tân Biên", "Trảng Bàng")),
            Map.entry("82", List.of("Cao Lãnh", "Lai Vung", "Cái Bè", "Cai Lậy", "Chợ Gạo", "Hòa Lộc")),
            Map.entry("86", List.of("Trà Ôn", "Mỏ Cày", "Chợ Lách", "Cầu Kè", "Bình Minh", "Tam Bình")),
            Map.entry("91", List.of("Tri Tôn", "Tịnh Biên", "Phú Quốc", "Châu Đốc", "Chợ Mới", "Hòn Đất")),
            Map.entry("92", List.of("Phong Điền", "Cờ Đỏ", "Mỹ Xuyên", "Vị Thanh", "Long Mỹ", "Vĩnh Châu")),
            Map.entry("96", List.of("Năm Căn", "Ngọc Hiển", "U Minh", "Hồng Dân", "Giá Rai", "Trần Văn Thời")));

    /** Common commune and village names, found all over the country. */
    static final List<String> COMMUNES = List.of("Tân Lập", "Hòa Bình", "Phú Thạnh", "Đông Hòa", "Bình An", "Thành Công",
            "Hợp Tiến", "Quyết Thắng", "Phước Hưng", "Long Hòa", "An Phú", "Tân Phú", "Thịnh Vượng", "Đoàn Kết",
            "Xuân Thành", "Hưng Thịnh", "Minh Tân", "Thuận Phát", "Phú Lộc", "Tiến Thành", "Hồng Phong", "Vĩnh Phúc",
            "Tân Tiến", "Nhân Hòa", "Bình Minh", "Quang Trung", "Thống Nhất", "Đồng Tâm", "Sơn Thủy", "Hòa Thuận");

    static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lò", "Hà", "Y");
    static final List<String> MIDDLE = List.of("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Xuân");
    static final List<String> GIVEN = List.of("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Hương",
            "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Thắng",
            "Trang", "Tuấn", "Vân", "Yến", "Khánh", "Lộc", "Nhung");

    /** Fictional brands of retail chains, supermarkets and clean-produce stores. */
    static final List<String> BUYER_BRANDS = List.of("Xanh Việt", "Nông Sản Quê", "Bếp Việt", "Sạch Từ Nông Trại",
            "Mộc Điền", "Hạt Ngọc", "Vườn Nhà", "Phố Chợ", "Lành Food", "Tươi Mỗi Ngày", "An Tâm Mart", "Đất Lành",
            "Green Basket", "Quê Mình", "Làng Xanh", "Organica Việt");

    /** Real certification bodies seen on VietGAP, organic and GlobalGAP certificates in Vietnam. */
    static final List<String> VIETGAP_ISSUERS = List.of("Công ty CP Chứng nhận và Giám định VinaCert",
            "Trung tâm Chứng nhận Phù hợp (QUACERT)", "Trung tâm Kiểm định và Khảo nghiệm thuốc BVTV phía Nam",
            "Trung tâm Chất lượng Nông Lâm Thủy sản vùng 4", "Công ty TNHH Chứng nhận Kiwa Việt Nam");
    static final List<String> ORGANIC_ISSUERS = List.of("Control Union Việt Nam", "Ecocert", "QUATEST 3 (TCVN 11041)",
            "Công ty CP Chứng nhận và Giám định VinaCert");
    static final List<String> GLOBALGAP_ISSUERS = List.of("Control Union Việt Nam", "Bureau Veritas Việt Nam",
            "SGS Việt Nam");
    static final List<String> FOOD_SAFETY_ISSUERS = List.of("Công ty TNHH TÜV Rheinland Việt Nam", "Bureau Veritas Việt Nam",
            "Trung tâm Chứng nhận Phù hợp (QUACERT)");
}
