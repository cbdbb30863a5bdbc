package vn.htxconnect.demo.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import vn.htxconnect.catalog.CertificationInput;
import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.catalog.ProductStatus;
import vn.htxconnect.organization.OrganizationInput;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.region.EconomicRegion;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

/**
 * Generates realistic demo organizations and products, the same ones for the same seed and day:
 * buyers (retail chains) first, then cooperatives, cooperative groups and unions, processors and
 * distributors in all 34 provinces (each province at least once), with the province's real specialties,
 * its regional words (lợn/heo, dứa/thơm/khóm), harvest months, VND prices, capacities and certificates.
 * Organizations are streamed, so a million products need no more memory than a hundred.
 */
final class DemoDataGenerator {

    /** Regional words: North, Central, South. */
    private static final Map<String, List<String>> REGIONAL = Map.ofEntries(
            Map.entry("lợn", List.of("lợn", "heo", "heo")), Map.entry("ngô", List.of("ngô", "bắp", "bắp")),
            Map.entry("Ngô", List.of("Ngô", "Bắp", "Bắp")), Map.entry("Dứa", List.of("Dứa", "Thơm", "Khóm")),
            Map.entry("Lạc", List.of("Lạc", "Đậu phụng", "Đậu phộng")), Map.entry("Vừng", List.of("Vừng", "Mè", "Mè")),
            Map.entry("Sắn", List.of("Sắn", "Sắn", "Khoai mì")), Map.entry("sắn", List.of("sắn", "sắn", "khoai mì")),
            Map.entry("Mướp đắng", List.of("Mướp đắng", "Khổ qua", "Khổ qua")),
            Map.entry("Rau mùi", List.of("Rau mùi", "Ngò", "Ngò rí")), Map.entry("Bí ngô", List.of("Bí ngô", "Bí đỏ", "Bí đỏ")),
            Map.entry("Mộc nhĩ", List.of("Mộc nhĩ", "Nấm mèo", "Nấm mèo")), Map.entry("Cá quả", List.of("Cá quả", "Cá lóc", "Cá lóc")),
            Map.entry("ba chỉ", List.of("ba chỉ", "ba rọi", "ba rọi")), Map.entry("Na", List.of("Na", "Mãng cầu", "Mãng cầu")),
            Map.entry("Chè", List.of("Chè", "Trà", "Trà")), Map.entry("Khoai sọ", List.of("Khoai sọ", "Khoai môn", "Khoai môn")));
    private static final List<String> QUALIFIERS = List.of("loại 1", "xuất khẩu", "đặc sản", "VietGAP", "thu hoạch mới",
            "hàng tuyển", "đóng túi 1 kg", "sạch", "chính gốc", "vụ mới");

    private final List<Province> provinces;
    private final long seed;
    private final LocalDate today;

    DemoDataGenerator(ProvinceService provinces, long seed, LocalDate today) {
        this.provinces = provinces.all();
        this.seed = seed;
        this.today = today;
    }

    /** Number of buyers for a data set of this many products. */
    static int buyerCount(int products) {
        return Math.clamp(products / 500, 6, 2000);
    }

    /** Buyers, then suppliers until exactly {@code products} products are generated. */
    Stream<DemoOrganization> organizations(int products) {
        Iterator<DemoOrganization> it = new Iterator<>() {
            private final SplittableRandom root = new SplittableRandom(seed);
            private final int buyers = buyerCount(products);
            private int index;
            private int remaining = products;

            @Override
            public boolean hasNext() {
                return index < buyers || remaining > 0;
            }

            @Override
            public DemoOrganization next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                RandomGenerator r = root.split();
                int i = index++;
                if (i < buyers) {
                    return buyer(i, r);
                }
                // About 100 products per supplier at a million (10,000 cooperatives), 15 at smaller sizes.
                int perSupplier = products < 2000 ? 9 : Math.max(29, products / 5000 - 1);
                int n = Math.min(remaining, 1 + r.nextInt(perSupplier));
                remaining -= n;
                return supplier(i, i - buyers, n, r);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private DemoOrganization buyer(int i, RandomGenerator r) {
        List<String> cities = List.of("01", "79", "01", "79", "48", "31", "92", "56", "19", "38");
        Province p = byCode(i < cities.size() ? cities.get(i) : r.nextDouble() < 0.6 ? pick(r, cities) : pick(r, provinces).code());
        String brand = Places.BUYER_BRANDS.get(i % Places.BUYER_BRANDS.size());
        String format = pick(r, List.of("Chuỗi cửa hàng nông sản sạch %s", "Siêu thị %s", "Hệ thống thực phẩm an toàn %s",
                "Chuỗi cửa hàng %s Mart", "Chuỗi siêu thị mini %s"));
        String name = format.formatted(brand) + (i < Places.BUYER_BRANDS.size() ? "" : " – chi nhánh " + place(r, p));
        OrganizationInput input = new OrganizationInput(null, null, OrganizationKind.RETAIL_CHAIN, name, taxCode(i, p, r, 1.0),
                2005 + r.nextInt(19), null, List.of("Bán lẻ nông sản", "Thực phẩm an toàn"), p.name(), address(r, p, true),
                jitter(r, p.centroid().lat(), 0.05), jitter(r, p.centroid().lon(), 0.05), person(r), phone(r),
                email(r, brand, i), r.nextDouble() < 0.6 ? "https://" + slug(brand) + ".vn" : null,
                "Hệ thống bán lẻ " + brand + " tìm nguồn hàng nông sản sạch, có truy xuất nguồn gốc, từ các HTX trên cả nước.",
                null);
        return new DemoOrganization(input, r.nextDouble() < 0.7, List.of());
    }

    private DemoOrganization supplier(int i, int supplierIndex, int productCount, RandomGenerator r) {
        Province p = supplierIndex < provinces.size() ? provinces.get(supplierIndex) : weightedProvince(r);
        double k = r.nextDouble();
        OrganizationKind kind = k < 0.72 ? OrganizationKind.COOPERATIVE : k < 0.82 ? OrganizationKind.COOPERATIVE_GROUP
                : k < 0.87 ? OrganizationKind.COOPERATIVE_UNION : k < 0.95 ? OrganizationKind.PROCESSOR : OrganizationKind.DISTRIBUTOR;
        List<Specialty> lines = specialties(r, p, kind);
        Specialty main = lines.getFirst();
        String place = place(r, p);
        String name = orgName(r, kind, main, place, p);
        Integer members = switch (kind) {
            case COOPERATIVE -> 7 + r.nextInt(r.nextDouble() < 0.8 ? 60 : 400);
            case COOPERATIVE_GROUP -> 3 + r.nextInt(20);
            case COOPERATIVE_UNION -> 3 + r.nextInt(25);
            default -> null;
        };
        int founded = kind == OrganizationKind.COOPERATIVE_GROUP ? 2010 + r.nextInt(15) : 1996 + r.nextInt(29);
        String description = "%s tại %s, %s: %s.%s".formatted(name, place, p.name(),
                String.join(", ", lines.stream().map(s -> s.orgWord().toLowerCase()).distinct().toList()),
                members == null ? "" : " " + members + (kind == OrganizationKind.COOPERATIVE_UNION ? " HTX thành viên." : " thành viên."));
        OrganizationInput input = new OrganizationInput(null, null, kind, name,
                taxCode(i, p, r, kind == OrganizationKind.COOPERATIVE_GROUP ? 0.3 : 0.9), Math.min(founded, today.getYear()),
                members, lines.stream().map(Specialty::orgWord).distinct().toList(), p.name(), address(r, p, false),
                jitter(r, p.centroid().lat(), 0.25), jitter(r, p.centroid().lon(), 0.25), person(r), phone(r),
                email(r, name, i), r.nextDouble() < 0.2 ? "https://" + slug(name) + ".vn" : null, description, null);
        List<ProductInput> products = new ArrayList<>(productCount);
        for (int n = 0; n < productCount; n++) {
            Specialty s = n == 0 || r.nextDouble() < 0.5 ? main : pick(r, lines);
            products.add(product(r, s, p, kind, name, place, n));
        }
        return new DemoOrganization(input, r.nextDouble() < 0.55, products);
    }

    /** The organization's product lines: mostly its province's specialties, then what is made everywhere. */
    private List<Specialty> specialties(RandomGenerator r, Province p, OrganizationKind kind) {
        List<Specialty> local = Specialty.ALL.stream().filter(s -> s.provinces().contains(p.code())).toList();
        List<Specialty> anywhere = Specialty.ALL.stream().filter(Specialty::everywhere).toList();
        List<Specialty> pool = kind == OrganizationKind.DISTRIBUTOR ? Specialty.ALL
                : kind == OrganizationKind.PROCESSOR ? Specialty.ALL.stream()
                        .filter(s -> s.kind() == Specialty.Kind.PROCESSED && (s.everywhere() || s.provinces().contains(p.code())))
                        .toList()
                : local.isEmpty() || r.nextDouble() < 0.2 ? anywhere : local;
        if (pool.isEmpty()) {
            pool = anywhere;
        }
        List<Specialty> lines = new ArrayList<>();
        lines.add(weighted(r, pool));
        int extra = r.nextInt(3);
        List<Specialty> more = new ArrayList<>(local);
        more.addAll(anywhere);
        for (int e = 0; e < extra; e++) {
            Specialty s = weighted(r, more);
            if (!lines.contains(s)) {
                lines.add(s);
            }
        }
        return lines;
    }

    private String orgName(RandomGenerator r, OrganizationKind kind, Specialty main, String place, Province p) {
        String word = main.orgWord();
        String commune = pick(r, Places.COMMUNES);
        return switch (kind) {
            case COOPERATIVE -> pick(r, List.of("HTX %s %s", "HTX Nông nghiệp %2$s", "HTX Dịch vụ Nông nghiệp %2$s",
                    "HTX %s sạch %s", "Hợp tác xã %s %s", "HTX Nông nghiệp Hữu cơ %2$s", "HTX %s %3$s"))
                    .formatted(word, place, commune);
            case COOPERATIVE_GROUP -> "Tổ hợp tác %s %s".formatted(word, r.nextBoolean() ? place : commune);
            case COOPERATIVE_UNION -> pick(r, List.of("Liên hiệp HTX %s %s", "Liên hiệp HTX Nông nghiệp %2$s"))
                    .formatted(word, r.nextBoolean() ? place : p.name());
            case PROCESSOR -> pick(r, List.of("Công ty TNHH Chế biến %s %s", "Cơ sở chế biến %s %s", "Công ty CP Thực phẩm %2$s"))
                    .formatted(word, place);
            default -> pick(r, List.of("Công ty CP Phân phối Nông sản %s", "Công ty TNHH Thương mại Nông sản %s"))
                    .formatted(place);
        };
    }

    private ProductInput product(RandomGenerator r, Specialty s, Province orgProvince, OrganizationKind kind, String orgName,
                                 String place, int n) {
        // Distributors sell what others grow: the product's origin is one of the specialty's provinces.
        Province origin = kind == OrganizationKind.DISTRIBUTOR && !s.everywhere() ? byCode(pick(r, s.provinces())) : orgProvince;
        String name = regional(r, pick(r, s.names()), origin);
        double q = r.nextDouble();
        if (q < 0.35) {
            name += " " + pick(r, QUALIFIERS);
        } else if (q < 0.6) {
            name += " " + (origin == orgProvince ? place : place(r, origin));
        }
        String unit = s.unit();
        long min = roundPrice(s.minPrice() + (long) (r.nextDouble() * (s.maxPrice() - s.minPrice())));
        if (unit.equals("kg") && r.nextDouble() < 0.12) {
            unit = "tấn";
            min = roundPrice(min * 1000);
        }
        long max = roundPrice((long) (min * (1 + r.nextDouble() * 0.3)));
        BigDecimal capacity = capacity(r, unit);
        BigDecimal minOrder = capacity.divide(BigDecimal.valueOf(20 + r.nextInt(80)), 0, RoundingMode.CEILING)
                .max(BigDecimal.ONE);
        List<CertificationInput> certs = certifications(r, s, origin);
        String description = description(r, name, orgName, origin, s, capacity, unit, minOrder, certs);
        double lat = jitter(r, origin.centroid().lat(), 0.3);
        double lon = jitter(r, origin.centroid().lon(), 0.3);
        return ProductInput.builder().externalRef("SP%04d".formatted(n + 1)).name(name).description(description)
                .category(s.category()).unit(unit).priceMinVnd(min).priceMaxVnd(max).minOrderQty(minOrder)
                .monthlyCapacity(capacity).availableMonths(s.months()).certifications(certs).province(origin.name())
                .lat(lat).lon(lon).imageUrls(List.of())
                .status(r.nextDouble() < 0.02 ? ProductStatus.DRAFT : ProductStatus.ACTIVE).build();
    }

    private List<CertificationInput> certifications(RandomGenerator r, Specialty s, Province p) {
        List<CertificationInput> out = new ArrayList<>();
        boolean produce = s.kind() == Specialty.Kind.CROP || s.kind() == Specialty.Kind.LIVESTOCK || s.kind() == Specialty.Kind.AQUATIC;
        if (produce && r.nextDouble() < 0.35) {
            String field = switch (s.kind()) {
                case LIVESTOCK -> "CN";
                case AQUATIC -> "TS";
                default -> "TT";
            };
            LocalDate from = validFrom(r, 24);
            out.add(new CertificationInput("VIETGAP", "VietGAP-%s-%02d-%02d-%s-%04d".formatted(field, 10 + r.nextInt(30),
                    1 + r.nextInt(9), p.code(), 1 + r.nextInt(9999)), pick(r, Places.VIETGAP_ISSUERS), null, from,
                    from.plusMonths(24).minusDays(1)));
        }
        if (s.kind() == Specialty.Kind.CROP && r.nextDouble() < 0.08) {
            LocalDate from = validFrom(r, 12);
            out.add(new CertificationInput("ORGANIC", "HC-%s-%05d".formatted(p.code(), r.nextInt(100_000)),
                    pick(r, Places.ORGANIC_ISSUERS), null, from, from.plusMonths(12).minusDays(1)));
        }
        if (produce && r.nextDouble() < 0.05) {
            LocalDate from = validFrom(r, 12);
            out.add(new CertificationInput("GLOBALGAP", "GGN 40630%08d".formatted(r.nextInt(100_000_000)),
                    pick(r, Places.GLOBALGAP_ISSUERS), null, from, from.plusMonths(12).minusDays(1)));
        }
        if (r.nextDouble() < (produce ? 0.1 : 0.3)) {
            double d = r.nextDouble();
            int stars = d < 0.55 ? 3 : d < 0.93 ? 4 : 5;
            LocalDate from = validFrom(r, 36);
            out.add(new CertificationInput("OCOP", "OCOP-%s-%d-%03d".formatted(p.code(), from.getYear(), 1 + r.nextInt(999)),
                    stars == 5 ? "Thủ tướng Chính phủ" : "UBND " + (p.kind().name().equals("CITY") ? "thành phố " : "tỉnh ") + p.name(),
                    stars, from, from.plusMonths(36).minusDays(1)));
        }
        if (s.kind() == Specialty.Kind.PROCESSED && r.nextDouble() < 0.15) {
            LocalDate from = validFrom(r, 36);
            out.add(new CertificationInput(r.nextBoolean() ? "HACCP" : "ISO22000", "FS-%06d".formatted(r.nextInt(1_000_000)),
                    pick(r, Places.FOOD_SAFETY_ISSUERS), null, from, from.plusMonths(36).minusDays(1)));
        }
        return out;
    }

    /**
     * A start date such that a certificate valid {@code months} is still valid today; about one in
     * twenty expires within the next month. (The catalogue would keep an expired one as history; the demo
     * shows current ones.)
     */
    private LocalDate validFrom(RandomGenerator r, int months) {
        LocalDate earliest = today.minusMonths(months).plusDays(1);
        long span = ChronoUnit.DAYS.between(earliest, today);
        return earliest.plusDays(r.nextLong(span + 1));
    }

    private String description(RandomGenerator r, String name, String orgName, Province p, Specialty s, BigDecimal capacity,
                               String unit, BigDecimal minOrder, List<CertificationInput> certs) {
        StringBuilder d = new StringBuilder("%s của %s, vùng nguyên liệu %s.".formatted(name, orgName, p.name()));
        if (!s.months().isEmpty()) {
            d.append(" Thu hoạch chính vụ tháng %d–%d.".formatted(s.months().getFirst(), s.months().getLast()));
        }
        if (certs.stream().anyMatch(c -> c.scheme().equals("VIETGAP"))) {
            d.append(" Sản xuất theo quy trình VietGAP, có nhật ký canh tác và truy xuất nguồn gốc.");
        }
        certs.stream().filter(c -> c.scheme().equals("OCOP")).findFirst()
                .ifPresent(c -> d.append(" Sản phẩm OCOP %d sao.".formatted(c.ocopStars())));
        d.append(pick(r, List.of(" Cung cấp ổn định %s %s mỗi tháng cho siêu thị, bếp ăn và nhà phân phối.",
                " Sản lượng khoảng %s %s/tháng, nhận bao tiêu theo hợp đồng.",
                " Năng lực cung ứng %s %s mỗi tháng, giao hàng toàn quốc.")).formatted(capacity.toPlainString(), unit));
        d.append(" Đơn tối thiểu %s %s.".formatted(minOrder.toPlainString(), unit));
        if (r.nextDouble() < 0.4) {
            d.append(pick(r, List.of(" Đóng gói hút chân không, có tem truy xuất QR.", " Xuất hóa đơn VAT.",
                    " Không dùng thuốc diệt cỏ, bón phân hữu cơ vi sinh.", " Sơ chế và bảo quản lạnh tại HTX.")));
        }
        return d.toString();
    }

    private static BigDecimal capacity(RandomGenerator r, String unit) {
        long c = switch (unit) {
            case "tấn" -> 1 + r.nextInt(300);
            case "kg" -> 100 * (1 + r.nextInt(500));
            case "lít" -> 50 * (1 + r.nextInt(200));
            case "chục", "quả", "hũ", "gói", "chai" -> 100 * (1 + r.nextInt(300));
            default -> 10 * (1 + r.nextInt(100));
        };
        return BigDecimal.valueOf(c);
    }

    /** A regional word in braces becomes the province's usual word; some people use another region's. */
    private static String regional(RandomGenerator r, String template, Province p) {
        int open = template.indexOf('{');
        if (open < 0) {
            return template;
        }
        int close = template.indexOf('}', open);
        List<String> words = REGIONAL.get(template.substring(open + 1, close));
        int region = r.nextDouble() < 0.15 ? r.nextInt(3) : regionOf(p);
        String word = words.get(region);
        if (word.equals("Thơm") && r.nextBoolean()) {
            word = "Khóm";
        }
        return regional(r, template.substring(0, open) + word + template.substring(close + 1), p);
    }

    private static int regionOf(Province p) {
        return switch (p.region()) {
            case NORTHWEST, NORTHEAST, RED_RIVER_DELTA, NORTH_CENTRAL -> 0;
            case SOUTH_CENTRAL_COAST, CENTRAL_HIGHLANDS -> 1;
            case SOUTHEAST, MEKONG_DELTA -> 2;
        };
    }

    private Province weightedProvince(RandomGenerator r) {
        int total = 0;
        int[] weights = new int[provinces.size()];
        for (int i = 0; i < weights.length; i++) {
            String code = provinces.get(i).code();
            weights[i] = 2 + Specialty.ALL.stream().filter(s -> s.provinces().contains(code)).mapToInt(Specialty::weight).sum();
            total += weights[i];
        }
        int x = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return provinces.get(i);
            }
        }
        return provinces.getLast();
    }

    private static Specialty weighted(RandomGenerator r, List<Specialty> pool) {
        int total = pool.stream().mapToInt(Specialty::weight).sum();
        int x = r.nextInt(total);
        for (Specialty s : pool) {
            x -= s.weight();
            if (x < 0) {
                return s;
            }
        }
        return pool.getLast();
    }

    private Province byCode(String code) {
        return provinces.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    private static String place(RandomGenerator r, Province p) {
        return pick(r, Places.BY_PROVINCE.getOrDefault(p.code(), List.of(p.name())));
    }

    private static String address(RandomGenerator r, Province p, boolean city) {
        if (city) {
            return "Số %d đường %s, %s, %s".formatted(1 + r.nextInt(400), pick(r, Places.COMMUNES), place(r, p), p.name());
        }
        String hamlet = switch (regionOf(p)) {
            case 2 -> "Ấp";
            case 1 -> "Thôn";
            default -> p.region() == EconomicRegion.NORTHWEST ? "Bản" : "Thôn";
        };
        return "%s %s, xã %s, %s, %s".formatted(hamlet, pick(r, Places.COMMUNES), pick(r, Places.COMMUNES), place(r, p), p.name());
    }

    /** Ten digits, unique within a data set (the index is spread by a multiplier prime to 10^8). */
    private String taxCode(int index, Province p, RandomGenerator r, double share) {
        if (r.nextDouble() >= share) {
            return null;
        }
        long body = Math.floorMod(index * 7919L + seed * 104_729L, 100_000_000L);
        return "%s%08d".formatted(p.code(), body);
    }

    private static String person(RandomGenerator r) {
        return pick(r, Places.FAMILY) + " " + pick(r, Places.MIDDLE) + " " + pick(r, Places.GIVEN);
    }

    private static String phone(RandomGenerator r) {
        return pick(r, List.of("09", "03", "08", "07")) + "%08d".formatted(r.nextInt(100_000_000));
    }

    private static String email(RandomGenerator r, String name, int index) {
        return slug(name).replace("-", ".") + index + "@" + pick(r, List.of("gmail.com", "yahoo.com.vn", "htx.vn"));
    }

    private static String slug(String text) {
        String s = VietnameseText.fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.length() > 40 ? s.substring(0, 40).replaceAll("-$", "") : s;
    }

    private static double jitter(RandomGenerator r, double centre, double spread) {
        return Math.round((centre + (r.nextDouble() * 2 - 1) * spread) * 1e5) / 1e5;
    }

    private static long roundPrice(long vnd) {
        long step = vnd >= 1_000_000 ? 10_000 : vnd >= 100_000 ? 1_000 : 500;
        return Math.max(step, Math.round((double) vnd / step) * step);
    }

    private static <T> T pick(RandomGenerator r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }
}
