package vn.htxconnect.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.htxconnect.catalog.Category;
import vn.htxconnect.catalog.Product;
import vn.htxconnect.catalog.Unit;
import vn.htxconnect.region.ProvinceService;
import vn.htxconnect.search.ProductCandidates.ItemMatch;
import vn.htxconnect.search.ProductCandidates.ItemTier;

/** The item-identity rule on names alone: synonyms, tone marks, variety codes, heads and qualifiers. */
class ItemIdentityTests {

    private static final ProvinceService PROVINCES = new ProvinceService();
    private final ItemIdentity identity = new ItemIdentity(new QueryExpander(SynonymRules.fromClasspath()), PROVINCES,
            new FixedTaxonomy(List.of(new Category("FRUIT_DRAGON", "FRUIT", "Thanh long", "Dragon fruit", 55),
                    new Category("COFFEE", "COFFEE_TEA", "Cà phê", "Coffee", 31))));

    private static Product named(String name, String province) {
        return Product.builder().databaseId(1).organizationId(2).name(name).categoryCode("X").unit(Unit.KG)
                .availableMonths(List.of(1)).provinceCode(province).createdAt(Instant.now()).updatedAt(Instant.now())
                .build();
    }

    private ItemTier tier(String requested, String name) {
        return identity.judge(requested, named(name, null)).tier();
    }

    @Test
    void everyWordIsTheItemTheHeadAloneASubstituteElseAnotherItem() {
        assertThat(tier("Mật ong rừng", "Mật ong rừng U Minh")).isEqualTo(ItemTier.REQUESTED);
        ItemMatch flower = identity.judge("Mật ong rừng", named("Mật ong hoa nhãn Hưng Yên", null));
        assertThat(flower.tier()).isEqualTo(ItemTier.SUBSTITUTE);
        assertThat(flower.missing()).containsExactly("rừng");
        assertThat(tier("Xoài cát Hòa Lộc", "Xoài cát Hoà Lộc loại 1")).isEqualTo(ItemTier.REQUESTED);
        assertThat(tier("Xoài cát Hòa Lộc", "Xoài cát chu Cao Lãnh")).isEqualTo(ItemTier.SUBSTITUTE);
        assertThat(tier("Xoài cát Hòa Lộc", "Mít Thái siêu sớm")).isEqualTo(ItemTier.OTHER);
        // A two-word head named by a category: another "cà …" is not a coffee substitute.
        assertThat(tier("Cà phê Arabica", "Cà phê Robusta Di Linh")).isEqualTo(ItemTier.SUBSTITUTE);
        assertThat(tier("Cà phê Arabica", "Cà chua bi")).isEqualTo(ItemTier.OTHER);
    }

    @Test
    void varietyCodesMatchWholeAndTypedApart() {
        assertThat(tier("Gạo ST25", "Gạo ST25 Sóc Trăng")).isEqualTo(ItemTier.REQUESTED);
        assertThat(tier("gao st 25", "Gạo ST25 ruộng tôm")).isEqualTo(ItemTier.REQUESTED);
        assertThat(tier("Gạo ST25", "Gạo ST 25 nhà trồng")).isEqualTo(ItemTier.REQUESTED);
        assertThat(tier("Gạo ST25", "Gạo ST24")).isEqualTo(ItemTier.SUBSTITUTE);
    }

    @Test
    void regionalWordsAndToneMarks() {
        assertThat(tier("Thơm", "Khóm Cầu Đúc")).isEqualTo(ItemTier.REQUESTED);
        assertThat(tier("Khóm", "Dứa Đồng Giao")).isEqualTo(ItemTier.REQUESTED);
        assertThat(tier("Thơm", "Dừa xiêm Bến Tre")).isEqualTo(ItemTier.OTHER);
        assertThat(tier("Khóm", "Lá dứa tươi")).isEqualTo(ItemTier.OTHER);
        assertThat(tier("thit lon", "Thịt heo sạch Đồng Nai")).isEqualTo(ItemTier.REQUESTED);
        assertThat(tier("Thịt heo ba chỉ", "Thịt ba chỉ lợn")).isEqualTo(ItemTier.REQUESTED);
        // The generic "thịt" may be left out of a substitute's name, not of the item's.
        assertThat(tier("Thịt heo ba chỉ", "Ba rọi heo Củ Chi")).isEqualTo(ItemTier.SUBSTITUTE);
        assertThat(tier("Bắp nếp", "Ngô nếp Sơn La")).isEqualTo(ItemTier.REQUESTED);
        assertThat(tier("Bắp nếp", "Bắp cải Đà Lạt")).isEqualTo(ItemTier.OTHER);
        assertThat(tier("Bắp nếp", "Khoai lang nếp")).isEqualTo(ItemTier.OTHER);
        assertThat(tier("Sắn tươi", "Khoai mì Tây Ninh")).isEqualTo(ItemTier.REQUESTED);
        // Typed with marks, the marks count: "nấm" is not "nam".
        assertThat(tier("Nấm rơm", "Nam việt quất")).isEqualTo(ItemTier.OTHER);
    }

    @Test
    void buyingWordsUnitsAndAdjectivesAreNotTheItemAndProvincesAreCarriedByTheProductsProvince() {
        assertThat(tier("Cần mua xoài cát Hòa Lộc tươi loại 1 số lượng lớn cho siêu thị", "Xoài cát Hòa Lộc Cái Bè"))
                .isEqualTo(ItemTier.REQUESTED);
        assertThat(tier("Hồ tiêu đạt tiêu chuẩn VietGAP", "Hồ tiêu đen Chư Sê")).isEqualTo(ItemTier.REQUESTED);
        String hungYen = PROVINCES.resolve("Hưng Yên").orElseThrow().code();
        assertThat(identity.judge("Nhãn lồng Hưng Yên", named("Nhãn lồng đặc sản", hungYen)).tier()).isEqualTo(ItemTier.REQUESTED);
        assertThat(identity.judge("Nhãn lồng Hưng Yên", named("Nhãn lồng đặc sản", "01")).tier()).isEqualTo(ItemTier.SUBSTITUTE);
        assertThat(tier("", "Anything")).isEqualTo(ItemTier.REQUESTED);
        // Buying phrases come from the list search uses too (search-config/query/vi-intent-words.txt).
        assertThat(tier("Muốn mua xoài cát Hòa Lộc giá tốt, uy tín, đạt chuẩn", "Xoài cát Hòa Lộc Cái Bè"))
                .isEqualTo(ItemTier.REQUESTED);
        assertThat(tier("Muốn mua xoài cát Hòa Lộc giá tốt", "Xoài cát chu")).isEqualTo(ItemTier.SUBSTITUTE);
    }
}
