package vn.htxconnect.demo.internal;

import java.util.Arrays;
import java.util.List;

/**
 * One real product line and where it comes from: the curated table the demo data draws on.
 *
 * @param category catalogue category code
 * @param orgWord what a cooperative making it is called after ("HTX Cà phê …")
 * @param names product names; a word in braces is regional ({lợn} is "heo" in the South)
 * @param provinces current province codes it is typical of; empty when it is made everywhere
 * @param unit unit label prices are per
 * @param months harvest months; empty when available all year
 * @param kind what certificates it can carry
 * @param weight how common it is among products of its provinces
 */
record Specialty(String category, String orgWord, List<String> names, List<String> provinces, String unit,
                 long minPrice, long maxPrice, List<Integer> months, Kind kind, int weight) {

    /** Decides the certification schemes and their VietGAP field (trồng trọt, chăn nuôi, thủy sản). */
    enum Kind { CROP, LIVESTOCK, AQUATIC, PROCESSED, CRAFT }

    boolean everywhere() {
        return provinces.isEmpty();
    }

    private static Specialty of(String category, String orgWord, Kind kind, String unit, long min, long max,
                                String months, String provinces, int weight, String... names) {
        List<Integer> m = months.isBlank() ? List.of() : Arrays.stream(months.split(" ")).map(Integer::valueOf).toList();
        List<String> p = provinces.isBlank() ? List.of() : List.of(provinces.split(" "));
        return new Specialty(category, orgWord, List.of(names), p, unit, min, max, m, kind, weight);
    }

    // Prices are farm-gate or wholesale VND per unit as seen in 2024–2025; months are the main harvest.
    static final List<Specialty> ALL = List.of(
            of("COFFEE", "Cà phê", Kind.CROP, "kg", 95_000, 135_000, "", "66 68 52 51 75", 9,
                    "Cà phê Robusta nhân xanh", "Cà phê Robusta rang mộc", "Cà phê bột Robusta nguyên chất",
                    "Cà phê Robusta honey", "Cà phê hạt Robusta sàng 18"),
            of("COFFEE", "Cà phê", Kind.CROP, "kg", 140_000, 320_000, "", "68 14 44 11", 4,
                    "Cà phê Arabica Cầu Đất", "Cà phê Arabica rang xay", "Cà phê Arabica Catimor", "Cà phê Arabica chế biến ướt"),
            of("SPICES_PEPPER", "Hồ tiêu", Kind.CROP, "kg", 120_000, 190_000, "1 2 3 4", "52 75 66 68 91 44", 7,
                    "Hồ tiêu đen", "Tiêu sọ trắng", "Hạt tiêu đen 500 g/l", "Tiêu đỏ chín cây", "Hồ tiêu hữu cơ"),
            of("FRUIT_DURIAN", "Sầu riêng", Kind.CROP, "kg", 50_000, 130_000, "5 6 7 8 9", "66 82 68 86 75", 7,
                    "Sầu riêng Ri6", "Sầu riêng Monthong", "Sầu riêng Dona", "Sầu riêng cơm vàng hạt lép", "Sầu riêng Musang King"),
            of("RICE_SPECIALTY", "Lúa gạo", Kind.CROP, "kg", 28_000, 42_000, "", "92 96 91 82", 7,
                    "Gạo ST25", "Gạo ST25 lúa tôm", "Gạo ST24", "Gạo thơm ST25 túi 5kg"),
            of("RICE", "Lúa gạo", Kind.CROP, "kg", 16_000, 32_000, "", "91 82 80 92 37 38 11", 6,
                    "Gạo thơm Jasmine", "Gạo Nàng Hoa", "Gạo tám thơm Hải Hậu", "Gạo Điện Biên", "Gạo nếp cái hoa vàng",
                    "Gạo lứt đỏ", "Gạo Séng Cù"),
            of("FRUIT_LYCHEE_LONGAN", "Vải thiều", Kind.CROP, "kg", 20_000, 60_000, "6 7", "24 31", 6,
                    "Vải thiều Lục Ngạn", "Vải thiều Thanh Hà", "Vải thiều sớm Tân Yên", "Vải thiều sấy khô"),
            of("FRUIT_LYCHEE_LONGAN", "Nhãn", Kind.CROP, "kg", 25_000, 80_000, "7 8", "33 14 86 75", 5,
                    "Nhãn lồng Hưng Yên", "Nhãn xuồng cơm vàng", "Nhãn muộn Sông Mã", "Nhãn Ido", "Long nhãn sấy"),
            of("TEA", "Chè", Kind.CROP, "kg", 180_000, 900_000, "3 4 5 6 7 8 9 10", "19 25 08 68 14 12 40", 7,
                    "{Chè} búp Tân Cương", "{Chè} Shan tuyết cổ thụ", "{Chè} xanh móc câu", "{Chè} Ô long Bảo Lộc",
                    "{Chè} đinh Thái Nguyên", "{Chè} Phú Thọ sao sấy"),
            of("FRUIT_CITRUS", "Bưởi", Kind.CROP, "kg", 25_000, 70_000, "8 9 10 11 12 1", "86 75 82 01 42 25", 6,
                    "Bưởi da xanh", "Bưởi Năm Roi", "Bưởi Diễn", "Bưởi Phúc Trạch", "Bưởi Đoan Hùng", "Bưởi da xanh ruột hồng"),
            of("FRUIT_DRAGON", "Thanh long", Kind.CROP, "kg", 12_000, 45_000, "", "68 80 82", 6,
                    "Thanh long ruột đỏ", "Thanh long ruột trắng", "Thanh long vàng", "Thanh long Bình Thuận"),
            of("FRUIT_TROPICAL", "Xoài", Kind.CROP, "kg", 30_000, 90_000, "3 4 5 6", "82 56 14 86", 6,
                    "Xoài cát Hòa Lộc", "Xoài cát Chu", "Xoài Úc Cam Lâm", "Xoài Yên Châu", "Xoài keo"),
            of("PROCESSED_SAUCES", "Nước mắm", Kind.PROCESSED, "lít", 60_000, 260_000, "", "91 48 31 68 56 46", 6,
                    "Nước mắm Phú Quốc 40 độ đạm", "Nước mắm cá cơm truyền thống", "Nước mắm Nam Ô", "Nước mắm Cát Hải",
                    "Nước mắm nhĩ Phan Thiết"),
            of("PROCESSED_SAUCES", "Mắm", Kind.PROCESSED, "hũ", 45_000, 180_000, "", "91 46 92 01", 3,
                    "Mắm cá linh Châu Đốc", "Mắm thái", "Tôm chua Huế", "Mắm tép", "Mắm tôm Thanh Hóa"),
            of("PRODUCE_HONEY", "Mật ong", Kind.CROP, "lít", 150_000, 450_000, "", "", 4,
                    "Mật ong hoa cà phê", "Mật ong hoa nhãn", "Mật ong bạc hà", "Mật ong rừng U Minh", "Mật ong hoa vải"),
            of("PRODUCE_NUTS", "Điều", Kind.PROCESSED, "kg", 190_000, 360_000, "2 3 4 5", "75 52 68", 5,
                    "Hạt điều rang muối", "Điều nhân W320", "Hạt điều vỏ lụa", "Điều Bình Phước loại 1"),
            of("FRUIT_CITRUS", "Cam", Kind.CROP, "kg", 18_000, 55_000, "10 11 12 1", "25 40 08 86 42", 6,
                    "Cam Cao Phong", "Cam Vinh", "Cam sành Hàm Yên", "Cam sành Tam Bình", "Cam Vũ Quang", "Cam xoàn"),
            of("PROCESSED_NOODLES", "Miến dong", Kind.PROCESSED, "kg", 60_000, 130_000, "", "04 22 19 08", 4,
                    "Miến dong Nguyên Bình", "Miến dong Bình Liêu", "Miến dong Na Rì", "Miến dong sợi nhỏ"),
            of("PRODUCE_MUSHROOMS", "Nấm", Kind.CROP, "kg", 35_000, 140_000, "", "", 5,
                    "Nấm rơm", "Nấm bào ngư", "Nấm đùi gà", "Nấm hương khô", "{Mộc nhĩ} đen", "Nấm kim châm"),
            of("OCOP_HERBAL", "Nấm linh chi", Kind.PROCESSED, "kg", 450_000, 1_500_000, "", "", 1,
                    "Nấm linh chi đỏ", "Nấm linh chi thái lát"),
            of("VEG_ORGANIC", "Rau hữu cơ", Kind.CROP, "kg", 25_000, 70_000, "", "01 68 79 31 15", 6,
                    "Rau cải ngọt hữu cơ", "Xà lách thủy canh", "Rau muống hữu cơ", "Cải bó xôi", "Rau hữu cơ theo mùa"),
            of("VEG_LEAFY", "Rau an toàn", Kind.CROP, "kg", 10_000, 35_000, "", "", 4,
                    "Rau muống", "Cải xanh", "Rau ngót", "Cải thìa", "{Rau mùi}"),
            of("VEG_ROOT", "Rau củ", Kind.CROP, "kg", 8_000, 40_000, "", "", 4,
                    "{Mướp đắng}", "{Bí ngô}", "{Khoai sọ}", "Cà rốt Đà Lạt", "Su su", "Cà chua bi"),
            of("LIVESTOCK_PORK", "Chăn nuôi", Kind.LIVESTOCK, "kg", 95_000, 190_000, "", "", 6,
                    "Thịt {lợn} sạch", "Thịt {lợn} rừng lai", "Thịt {lợn} {ba chỉ}", "Thịt {lợn} đen bản địa",
                    "Thịt {lợn} nuôi thảo dược"),
            of("LIVESTOCK_EGGS", "Chăn nuôi", Kind.LIVESTOCK, "chục", 30_000, 65_000, "", "", 5,
                    "Trứng gà ta", "Trứng gà thả vườn", "Trứng vịt", "Trứng vịt lộn", "Trứng gà ác"),
            of("LIVESTOCK_POULTRY", "Chăn nuôi", Kind.LIVESTOCK, "kg", 80_000, 180_000, "", "24 01 33 38", 3,
                    "Gà đồi Yên Thế", "Gà ta thả vườn", "Gà Đông Tảo", "Vịt cỏ"),
            of("AQUATIC_DRIED", "Hải sản", Kind.PROCESSED, "kg", 280_000, 1_600_000, "", "22 96 56 51 31 91", 5,
                    "Mực khô", "Tôm khô Cà Mau", "Cá khô một nắng", "Khô cá sặc", "Cá cơm khô", "Mực một nắng"),
            of("CRAFT_BAMBOO", "Mây tre đan", Kind.CRAFT, "cái", 40_000, 900_000, "", "01 37 46 86 38 33", 4,
                    "Giỏ mây đan", "Đèn tre thủ công", "Khay mây tre", "Bộ bàn ghế mây", "Túi cói Kim Sơn", "Rổ tre đan"),
            of("FRUIT_TROPICAL", "Dứa", Kind.CROP, "quả", 8_000, 22_000, "4 5 6 7", "37 80 92 40 38", 4,
                    "{Dứa} Queen", "{Dứa} Đồng Giao", "{Dứa} mật", "{Dứa} sấy dẻo"),
            of("GRAINS_CORN", "Nông nghiệp", Kind.CROP, "kg", 7_000, 25_000, "6 7 8 9", "14 11 15 52", 3,
                    "{Ngô} nếp", "{Ngô} ngọt", "{Ngô} hạt khô", "{Ngô} tím"),
            of("PRODUCE_NUTS", "Nông nghiệp", Kind.CROP, "kg", 35_000, 140_000, "5 6 9 10", "40 42 80 44 04", 4,
                    "{Lạc} đỏ", "{Lạc} rang húng lìu", "{Vừng} đen", "{Vừng} trắng", "Hạt dẻ Trùng Khánh"),
            of("PRODUCE_ROOTS", "Nông nghiệp", Kind.CROP, "tấn", 2_500_000, 4_500_000, "10 11 12 1 2", "80 52 51 75", 3,
                    "{Sắn} tươi", "Tinh bột {sắn}", "{Sắn} lát khô"),
            of("PRODUCE_ROOTS", "Khoai lang", Kind.CROP, "kg", 12_000, 35_000, "", "86 52 66 68", 3,
                    "Khoai lang tím Nhật", "Khoai lang mật", "Khoai lang Bình Tân"),
            of("AQUATIC_SHRIMP", "Thủy sản", Kind.AQUATIC, "kg", 140_000, 380_000, "", "96 92 86 22 56", 5,
                    "Tôm sú", "Tôm thẻ chân trắng", "Tôm càng xanh", "Tôm sú sinh thái rừng ngập mặn"),
            of("AQUATIC_FISH", "Thủy sản", Kind.AQUATIC, "kg", 28_000, 95_000, "", "82 91 92 86", 4,
                    "Cá tra phi lê", "{Cá quả} đồng", "Cá rô đồng", "Cá basa", "{Cá quả} một nắng"),
            of("AQUATIC_OTHER", "Thủy sản", Kind.AQUATIC, "kg", 180_000, 650_000, "", "96 22 51", 3,
                    "Cua Cà Mau", "Sò huyết", "Ngao", "Ốc hương"),
            of("PROCESSED_MEAT", "Thực phẩm", Kind.PROCESSED, "kg", 140_000, 520_000, "", "22 01 38 92 86 11 12 14", 4,
                    "Chả mực Hạ Long", "Giò lụa", "Nem chua Thanh Hóa", "Lạp xưởng tươi", "Thịt trâu gác bếp"),
            of("SPICES_OTHER", "Dược liệu", Kind.CROP, "kg", 35_000, 160_000, "", "15 38 51 48 20", 3,
                    "Quế Văn Yên", "Quế Trà Bồng", "Hoa hồi khô", "Gừng sẻ", "Nghệ vàng"),
            of("SPICES_OTHER", "Tỏi", Kind.CROP, "kg", 60_000, 220_000, "2 3 4", "51 92", 2,
                    "Tỏi Lý Sơn", "Tỏi cô đơn Lý Sơn", "Hành tím Vĩnh Châu"),
            of("COCOA", "Ca cao", Kind.CROP, "kg", 90_000, 420_000, "", "66 86 75", 2,
                    "Hạt ca cao lên men", "Bột ca cao nguyên chất", "Socola đen 70%"),
            of("BEV_WINE", "Rượu", Kind.PROCESSED, "chai", 80_000, 350_000, "", "52 15 01 14", 2,
                    "Rượu Bàu Đá", "Rượu {ngô} men lá Bắc Hà", "Rượu nếp cái hoa vàng", "Rượu mơ"),
            of("FRUIT_OTHER", "Mận", Kind.CROP, "kg", 20_000, 60_000, "5 6 7", "14 15", 3,
                    "Mận hậu Mộc Châu", "Mận tam hoa Bắc Hà"),
            of("FRUIT_OTHER", "Trái cây", Kind.CROP, "kg", 25_000, 110_000, "", "20 80 66 56 75 33 68", 4,
                    "{Na} Chi Lăng", "{Na} Bà Đen", "Bơ sáp 034", "Nho xanh Ninh Thuận", "Chôm chôm Long Khánh",
                    "Chuối tiêu hồng", "Dâu tây Đà Lạt"),
            of("BEV_JUICE", "Dừa", Kind.PROCESSED, "quả", 10_000, 25_000, "", "86 91", 2,
                    "Dừa xiêm xanh", "Nước dừa đóng chai", "Kẹo dừa Bến Tre"),
            of("OCOP_HERBAL", "Dược liệu", Kind.PROCESSED, "kg", 500_000, 3_000_000, "", "51 48 22 68", 2,
                    "Sâm Ngọc Linh tươi", "Trà hoa vàng Ba Chẽ", "Trà atisô Đà Lạt", "Cao atisô"),
            of("OCOP_FOOD", "Yến sào", Kind.PROCESSED, "hộp", 900_000, 4_500_000, "", "56 22 86", 1,
                    "Yến sào Khánh Hòa", "Tổ yến tinh chế", "Nước yến đóng lon"),
            of("PROCESSED_OTHER", "Đặc sản", Kind.PROCESSED, "gói", 25_000, 120_000, "", "80 31 46 24 91 92", 3,
                    "Bánh tráng Trảng Bàng", "Bánh đậu xanh Hải Dương", "Mè xửng Huế", "Bánh phu thê Đình Bảng",
                    "Đường thốt nốt", "Bánh pía Sóc Trăng", "Hạt sen sấy"),
            of("PROCESSED_DRIED", "Trái cây sấy", Kind.PROCESSED, "gói", 35_000, 140_000, "", "82 86 75 66 14", 2,
                    "Xoài sấy dẻo", "Mít sấy giòn", "Chuối sấy", "Mận sấy Mộc Châu"),
            of("CRAFT_TEXTILE", "Thổ cẩm", Kind.CRAFT, "cái", 120_000, 2_500_000, "", "11 15 46 52 12", 1,
                    "Khăn thổ cẩm", "Túi dệt thổ cẩm", "Vải dệt Zèng A Lưới"),
            of("CRAFT_CERAMIC", "Gốm", Kind.CRAFT, "bộ", 150_000, 3_500_000, "", "01 31 56", 1,
                    "Bộ ấm chén gốm Bát Tràng", "Bình gốm Chu Đậu", "Gốm Bàu Trúc")
    );
}
