#!/usr/bin/env python3
"""Writes the v2 judged set (rules.json, catalogue.json, queries-dev.json, queries-holdout.json).

The listings are composed from hand-written product lines (names, descriptions, labels) spread
over cooperatives in many provinces, then written in each seller's own style (ALL CAPS, no tone
marks, a typo now and then). Labels are the truth the grader reads; the style never changes
them. Seeded, so the output is the same on every run:
    python3 src/test/resources/search-quality-v2/source/generate.py
"""
import hashlib
import json
import os
import random
import unicodedata

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
rng = random.Random(20251207)

# ---------------------------------------------------------------- rules tables
GROUPS = {
    "trai-cay": "xoai thanh-long sau-rieng buoi cam quyt vai nhan chom-chom mang-cut mit thom dua man roi na "
                "mang-cau-xiem chuoi oi bo vu-sua tac chanh chanh-day",
    "rau-cu": "rau-muong bap-cai sup-lo kho-qua ca-chua dua-leo khoai-lang khoai-mon san cu-dau bi-do rau-mui "
              "rau-cai mang la-dua",
    "ngu-coc": "gao gao-nep ngo dau-xanh dau-phong me hat-dieu mac-ca",
    "ca-phe-che": "ca-phe che ca-cao tra-thao-moc",
    "gia-vi": "ho-tieu que hoi ot gung nghe toi hanh-tim sa",
    "thuy-san": "nuoc-mam mam tom ca-tra ca-loc muc cua ngheu hau",
    "hai-san-kho": "",  # filled below: dried seafood is a form, see queries
    "thit-trung": "thit-heo heo-rung thit-bo ga vit trung lap-xuong gio-cha",
    "nam": "nam-huong nam-rom nam-meo nam-linh-chi nam-bao-ngu dong-trung-ha-thao",
    "che-bien": "banh-trang banh-da mien bun-kho keo-dua dau-dua duong bot-san-day ruou",
    "thu-cong": "may-tre-dan tho-cam gom chieu-coi non-la",
}
GROUPS["hai-san-kho"] = "tom muc ca-loc ca-tra"  # with qualifier kho
GROUPS["nong-san"] = " ".join(GROUPS[g] for g in ["trai-cay", "rau-cu", "ngu-coc", "ca-phe-che", "gia-vi", "nam"]) + " mat-ong"
GROUPS = {k: v.split() for k, v in GROUPS.items()}

ITEMS = {
    "xoai": "xoài / mango", "thanh-long": "thanh long / dragon fruit", "sau-rieng": "sầu riêng / durian",
    "buoi": "bưởi / pomelo", "cam": "cam / orange", "quyt": "quýt / mandarin", "vai": "vải / lychee",
    "nhan": "nhãn / longan", "chom-chom": "chôm chôm / rambutan", "mang-cut": "măng cụt / mangosteen",
    "mit": "mít / jackfruit", "thom": "dứa, thơm, khóm / pineapple", "dua": "dừa / coconut",
    "man": "mận (Bắc) / plum", "roi": "roi (Bắc), mận (Nam) / rose apple", "na": "na, mãng cầu ta / sugar apple",
    "mang-cau-xiem": "mãng cầu xiêm / soursop", "chuoi": "chuối / banana", "oi": "ổi / guava",
    "bo": "bơ / avocado", "vu-sua": "vú sữa / star apple", "tac": "quất, tắc / kumquat", "chanh": "chanh / lime",
    "chanh-day": "chanh leo, chanh dây / passion fruit",
    "rau-muong": "rau muống / water spinach", "bap-cai": "bắp cải / cabbage", "sup-lo": "súp lơ, hoa lơ, bông cải / cauliflower, broccoli",
    "kho-qua": "mướp đắng, khổ qua / bitter melon", "ca-chua": "cà chua / tomato", "dua-leo": "dưa chuột, dưa leo / cucumber",
    "khoai-lang": "khoai lang / sweet potato", "khoai-mon": "khoai sọ, khoai môn / taro", "san": "sắn, khoai mì / cassava",
    "cu-dau": "củ đậu (Bắc), củ sắn (Nam) / jicama", "bi-do": "bí ngô, bí đỏ / pumpkin", "rau-mui": "rau mùi, ngò / coriander",
    "rau-cai": "rau cải / mustard greens", "mang": "măng / bamboo shoot", "la-dua": "lá dứa / pandan leaf",
    "gao": "gạo / rice", "gao-nep": "gạo nếp / glutinous rice", "ngo": "ngô, bắp / maize", "dau-xanh": "đậu xanh / mung bean",
    "dau-phong": "lạc, đậu phộng / peanut", "me": "vừng, mè / sesame", "hat-dieu": "hạt điều / cashew", "mac-ca": "mắc ca / macadamia",
    "ca-phe": "cà phê / coffee", "che": "chè, trà (Camellia) / tea", "ca-cao": "ca cao / cocoa", "tra-thao-moc": "trà thảo mộc / herbal tea",
    "ho-tieu": "hồ tiêu / pepper", "que": "quế / cinnamon", "hoi": "hồi / star anise", "ot": "ớt / chili", "gung": "gừng / ginger",
    "nghe": "nghệ / turmeric", "toi": "tỏi / garlic", "hanh-tim": "hành tím / shallot", "sa": "sả / lemongrass",
    "nuoc-mam": "nước mắm / fish sauce", "mam": "mắm (mắm tôm, mắm ruốc, mắm cá) / fermented paste", "tom": "tôm / shrimp",
    "ca-tra": "cá tra / pangasius", "ca-loc": "cá quả, cá lóc / snakehead", "muc": "mực / squid", "cua": "cua / crab",
    "ngheu": "nghêu, ngao / clam", "hau": "hàu / oyster",
    "thit-heo": "thịt lợn, thịt heo / pork", "heo-rung": "lợn rừng, heo rừng / wild boar", "thit-bo": "thịt bò / beef",
    "ga": "gà / chicken", "vit": "vịt / duck", "trung": "trứng / eggs", "lap-xuong": "lạp xưởng / Chinese sausage",
    "gio-cha": "giò lụa (Bắc), chả lụa (Nam) / pork roll", "mat-ong": "mật ong / honey",
    "nam-huong": "nấm hương / shiitake", "nam-rom": "nấm rơm / straw mushroom", "nam-meo": "mộc nhĩ, nấm mèo / wood ear",
    "nam-linh-chi": "nấm linh chi / reishi", "nam-bao-ngu": "nấm bào ngư / oyster mushroom",
    "dong-trung-ha-thao": "đông trùng hạ thảo / cordyceps",
    "banh-trang": "bánh tráng, bánh đa nem / rice paper", "banh-da": "bánh đa (Kế, bánh đa đỏ) / rice cracker, red noodle",
    "mien": "miến / glass noodles", "bun-kho": "bún khô, phở khô / dried rice noodles", "keo-dua": "kẹo dừa / coconut candy",
    "dau-dua": "dầu dừa / coconut oil", "duong": "đường (thốt nốt, mía, phèn) / sugar", "bot-san-day": "bột sắn dây / kudzu starch",
    "ruou": "rượu / rice wine, spirits",
    "may-tre-dan": "mây tre đan / rattan and bamboo ware", "tho-cam": "thổ cẩm / brocade", "gom": "gốm / ceramics",
    "chieu-coi": "chiếu cói / sedge mats", "non-la": "nón lá / conical hat",
}
for g, members in GROUPS.items():
    for m in members:
        assert m in ITEMS, (g, m)

SUBSTITUTES = {"che": ["tra-thao-moc"], "thit-heo": ["heo-rung"]}

PROVINCES = json.load(open(os.path.join(OUT, "../../../main/resources/region/provinces.json"), encoding="utf-8"))


def fold(s):
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in s if unicodedata.category(c) != "Mn"))


def slug(name):
    return fold(name).lower().replace("tp. ", "").replace(" - ", "-").replace(" ", "-")


PLACES = {}  # id -> {names, parent}
NEW_NAME = {}
for p in PROVINCES:
    PLACES[p["slug"]] = {"names": [p["name"]], "parent": None, "level": "province"}
    NEW_NAME[p["slug"]] = p["name"]
    for l in p["legacy"]:
        s = slug(l["name"])
        if s != p["slug"]:
            PLACES[s] = {"names": [l["name"]], "parent": p["slug"], "level": "legacy-province"}
PLACES["ba-ria-vung-tau"]["names"] = ["Bà Rịa - Vũng Tàu", "Bà Rịa – Vũng Tàu", "Vũng Tàu"]
PLACES["ho-chi-minh"]["names"] = ["TP. Hồ Chí Minh", "TP.HCM", "Sài Gòn"]
LOCALITIES = {
    "phu-quoc": (["Phú Quốc"], "kien-giang"), "cao-phong": (["Cao Phong"], "hoa-binh"),
    "hoa-loc": (["Hòa Lộc", "Hoà Lộc"], "tien-giang"), "buon-ma-thuot": (["Buôn Ma Thuột", "Ban Mê"], "dak-lak"),
    "moc-chau": (["Mộc Châu"], "son-la"), "tan-cuong": (["Tân Cương"], "thai-nguyen"), "ly-son": (["Lý Sơn"], "quang-ngai"),
    "luc-ngan": (["Lục Ngạn"], "bac-giang"), "thanh-ha": (["Thanh Hà"], "hai-duong"), "phan-thiet": (["Phan Thiết"], "binh-thuan"),
    "cat-hai": (["Cát Hải"], "hai-phong"), "nam-o": (["Nam Ô"], "da-nang"), "cai-mon": (["Cái Mơn"], "ben-tre"),
    "cau-duc": (["Cầu Đúc"], "hau-giang"), "lo-ren": (["Lò Rèn Vĩnh Kim"], "tien-giang"), "doan-hung": (["Đoan Hùng"], "phu-tho"),
    "ba-vi": (["Ba Vì"], "ha-noi"), "bat-trang": (["Bát Tràng"], "ha-noi"), "sa-pa": (["Sa Pa", "Sapa"], "lao-cai"),
    "bao-loc": (["Bảo Lộc"], "lam-dong"), "da-lat": (["Đà Lạt"], "lam-dong"), "cau-dat": (["Cầu Đất"], "lam-dong"),
    "khe-sanh": (["Khe Sanh"], "quang-tri"), "chu-se": (["Chư Sê"], "gia-lai"), "loc-ninh": (["Lộc Ninh"], "binh-phuoc"),
    "van-yen": (["Văn Yên"], "yen-bai"), "tra-bong": (["Trà Bồng"], "quang-ngai"), "dam-doi": (["Đầm Dơi"], "ca-mau"),
    "cho-gao": (["Chợ Gạo"], "tien-giang"), "tan-phuoc": (["Tân Phước"], "tien-giang"), "vinh-chau": (["Vĩnh Châu"], "soc-trang"),
    "ke": (["Kế"], "bac-giang"), "trang-bang": (["Trảng Bàng"], "tay-ninh"), "ham-thuan": (["Hàm Thuận Nam", "Hàm Thuận"], "binh-thuan"),
    "cu-chi": (["Củ Chi"], "ho-chi-minh"), "pho-hien": (["Phố Hiến"], "hung-yen"), "bac-ha": (["Bắc Hà"], "lao-cai"),
    "trung-khanh": (["Trùng Khánh"], "cao-bang"), "nga-bay": (["Ngã Bảy"], "hau-giang"), "cat-ba": (["Cát Bà"], "hai-phong"),
    "van-don": (["Vân Đồn"], "quang-ninh"), "dong-giao": (["Đồng Giao"], "ninh-binh"), "yen-chau": (["Yên Châu"], "son-la"),
    "lang-chai-cua-lo": (["Cửa Lò"], "nghe-an"), "kim-son": (["Kim Sơn"], "ninh-binh"), "vinh-hao": (["Vĩnh Hảo"], "binh-thuan"),
    "cho-lach": (["Chợ Lách"], "ben-tre"), "cau-ke": (["Cầu Kè"], "tra-vinh"), "mo-cay": (["Mỏ Cày"], "ben-tre"), "ba-tri": (["Ba Tri"], "ben-tre"),
    "lai-vung": (["Lai Vung"], "dong-thap"), "krong-pac": (["Krong Pac", "Krông Pắc"], "dak-lak"), "tam-binh": (["Tam Bình"], "vinh-long"),
    "ham-yen": (["Hàm Yên"], "ha-giang"), "nghi-loc": (["Nghi Lộc"], "nghe-an"), "lai-thieu": (["Lai Thieu", "Lái Thiêu"], "binh-duong"),
    "chi-lang": (["Chi Lăng"], "lang-son"), "hai-hau": (["Hải Hậu"], "nam-dinh"), "tu-le": (["Tú Lệ"], "yen-bai"), "kinh-mon": (["Kinh Môn"], "hai-duong"),
    "binh-lieu": (["Bình Liêu"], "quang-ninh"), "cu-da": (["Cự Đà"], "ha-noi"), "co-to": (["Cô Tô"], "quang-ninh"), "can-duoc": (["Cần Đước"], "long-an"),
    "yen-the": (["Yên Thế"], "bac-giang"), "van-dinh": (["Vân Đình"], "ha-noi"), "bay-nui": (["Bảy Núi"], "an-giang"), "u-minh": (["U Minh"], "ca-mau"),
    "meo-vac": (["Mèo Vạc"], "ha-giang"), "suoi-giang": (["Suối Giàng"], "yen-bai"), "phu-vinh": (["Phú Vinh"], "ha-noi"), "chu-dau": (["Chu Đậu"], "hai-duong"),
    "lang-van": (["Làng Vân"], "bac-giang"), "yen-tu": (["Yên Tử"], "quang-ninh"), "bau-da": (["Bàu Đá"], "binh-dinh"), "lang-chieu": (["làng Chều"], "ha-nam"),
    "rach-goc": (["Rạch Gốc"], "ca-mau"), "chau-doc": (["Châu Đốc"], "an-giang"), "binh-minh": (["Bình Minh"], "vinh-long"), "binh-tan": (["Bình Tân"], "vinh-long"),
    "cam-lam": (["Cam Lâm"], "khanh-hoa"), "tam-diep": (["Tam Điệp"], "ninh-binh"), "phu-dien": (["Phú Diễn"], "ha-noi"), "uoc-le": (["Ước Lễ"], "ha-noi"),
    "my-tho": (["Mỹ Tho"], "tien-giang"), "van-phan": (["Vạn Phần"], "nghe-an"), "dong-van": (["Đồng Văn"], "ha-giang"), "ba-den": (["Bà Đen"], "tay-ninh"),
    "nam-can": (["Năm Căn"], "ca-mau"), "phan-rang": (["Phan Rang"], "ninh-thuan"), "doai": (["xã Đoài"], "nghe-an"),
}
for k, (names, parent) in LOCALITIES.items():
    assert parent in PLACES, k
    PLACES[k] = {"names": names, "parent": parent, "level": "locality"}


def new_province(place):
    while PLACES[place]["parent"]:
        place = PLACES[place]["parent"]
    return place


# ---------------------------------------------------------------- product lines
# P(item, category, unit, (price min, max), names, q=qualifiers, at=origins, desc=descriptions, n=listings)
# {p} in a name or description is the origin's name as this listing writes it.
LINES = []


def P(item, cat, unit, price, names, q=(), at=(), desc=(), n=None, organic=False):
    assert item in ITEMS, item
    for a in at:
        assert a in PLACES, a
    LINES.append(dict(item=item, cat=cat, unit=unit, price=price, names=names, q=list(q), at=list(at), desc=list(desc),
                      n=n or (len(at) + 1 if len(at) >= 4 else len(at)) or 2, organic=organic))


F = "FRUIT_TROPICAL"
# --- fruit
P("xoai", F, "kg", (35000, 70000), ["Xoài cát Hòa Lộc {p}", "Xoài Cát Hoà Lộc loại 1", "XOÀI CÁT HÒA LỘC XUẤT KHẨU"],
  q=["cat-hoa-loc", "tuoi"], at=["hoa-loc", "tien-giang", "dong-thap", "hoa-loc"], desc=["Xoài cát Hòa Lộc chín cây, vỏ vàng, thịt dẻo, hạt lép.", "Trái 400–600 g, bao trái từ nhỏ, thu hoạch đúng độ chín."])
P("xoai", F, "kg", (25000, 45000), ["Xoài cát chu {p}", "Xoài Cát Chu loại I"], q=["cat-chu", "tuoi"], at=["dong-thap", "tien-giang", "can-tho"],
  desc=["Xoài cát chu vị chua ngọt, thích hợp xuất khẩu.", "Vùng trồng xoài cát chu được cấp mã số vùng trồng."])
P("xoai", F, "kg", (18000, 32000), ["Xoài Tứ Quý {p}", "Xoai tu quy Ba Tri"], q=["tu-quy", "tuoi"], at=["ben-tre", "vinh-long"],
  desc=["Xoài tứ quý ra trái quanh năm, thịt vàng, thơm nhẹ."])
P("xoai", F, "kg", (15000, 28000), ["Xoài Úc {p}", "Xoài úc Cam Lâm"], q=["xoai-uc", "tuoi"], at=["khanh-hoa", "ninh-thuan"],
  desc=["Giống xoài Úc (R2E2) vỏ đỏ hồng, trồng trên đất cát."])
P("xoai", F, "kg", (20000, 35000), ["Xoài keo {p}", "Xoài keo xanh ăn sống"], q=["keo", "tuoi"], at=["dong-nai", "an-giang"],
  desc=["Xoài keo giòn, dùng ăn xanh hoặc làm gỏi."])
P("xoai", "PROCESSED_DRIED", "túi", (45000, 70000), ["Xoài sấy dẻo {p}", "XOÀI SẤY DẺO KHÔNG ĐƯỜNG", "Xoài sấy dẻo ít đường túi 500g"],
  q=["kho"], at=["dong-thap", "khanh-hoa", "ho-chi-minh"], desc=["Làm từ xoài cát chín, sấy lạnh, không chất bảo quản."])
P("thanh-long", "FRUIT_DRAGON", "kg", (12000, 30000), ["Thanh long ruột đỏ {p}", "Thanh Long Ruột Đỏ loại 1", "THANH LONG RUỘT ĐỎ VIETGAP"],
  q=["ruot-do", "tuoi"], at=["binh-thuan", "ham-thuan", "cho-gao", "tien-giang", "long-an"], desc=["Thanh long ruột đỏ vỏ dày, tai xanh, trái 350–500 g.", "Ruột đỏ tím, ngọt đậm."])
P("thanh-long", "FRUIT_DRAGON", "kg", (9000, 20000), ["Thanh long ruột trắng {p}", "Thanh long trắng xuất khẩu", "Thanh long ruột trắng Hàm Thuận"],
  q=["ruot-trang", "tuoi"], at=["binh-thuan", "ham-thuan", "long-an", "tien-giang"], desc=["Thanh long ruột trắng, trái đều, đóng thùng xốp."])
P("thanh-long", "FRUIT_DRAGON", "kg", (30000, 60000), ["Thanh long ruột vàng {p}", "Thanh Long Vỏ Vàng Ruột Trắng"], q=["ruot-vang", "tuoi"],
  at=["binh-thuan", "long-an"], desc=["Giống thanh long vỏ vàng, vị ngọt thanh, năng suất thấp."])
P("thanh-long", "PROCESSED_DRIED", "túi", (60000, 90000), ["Thanh long sấy dẻo {p}", "Thanh long sấy thăng hoa"], q=["kho"], at=["binh-thuan", "long-an"],
  desc=["Thanh long ruột đỏ sấy, giữ màu tự nhiên."])
P("sau-rieng", "FRUIT_DURIAN", "kg", (70000, 130000), ["Sầu riêng Ri6 {p}", "SẦU RIÊNG RI 6 CÁI MƠN", "Sầu riêng Ri6 hàng tuyển"], q=["ri6", "tuoi"],
  at=["cai-mon", "ben-tre", "tien-giang", "dak-lak", "vinh-long"], desc=["Sầu riêng Ri6 cơm vàng, hạt lép, cơm ráo.", "Cắt hái đúng tuổi 110 ngày."])
P("sau-rieng", "FRUIT_DURIAN", "kg", (60000, 110000), ["Sầu riêng Monthong {p}", "Sầu riêng Dona (Monthong) xuất khẩu", "Sau rieng Monthong Krong Pac"],
  q=["monthong", "tuoi"], at=["dak-lak", "dak-nong", "dong-nai", "tien-giang"], desc=["Sầu riêng Thái Monthong cơm dày, vàng nhạt.", "Vườn đã có mã số vùng trồng xuất khẩu sang Trung Quốc."])
P("sau-rieng", "FRUIT_DURIAN", "kg", (150000, 250000), ["Sầu riêng Musang King {p}", "Sầu riêng Musang King (Mao Sơn Vương)"], q=["musang-king", "tuoi"],
  at=["dak-lak", "lam-dong"], desc=["Giống Musang King Malaysia, cơm vàng đậm, vị đắng nhẹ."])
P("sau-rieng", "FRUIT_DURIAN", "hộp", (180000, 260000), ["Cơm sầu riêng cấp đông {p}", "Sầu riêng đông lạnh nguyên múi"], q=["dong-lanh"],
  at=["dak-lak", "tien-giang"], desc=["Múi sầu riêng Ri6 tách, cấp đông -18°C."])
P("buoi", "FRUIT_CITRUS", "kg", (35000, 60000), ["Bưởi da xanh {p}", "BƯỞI DA XANH BẾN TRE", "Bưởi da xanh ruột hồng loại 1", "Bưởi Da Xanh Chợ Lách"],
  q=["da-xanh", "tuoi"], at=["ben-tre", "ben-tre", "vinh-long", "tra-vinh", "dong-thap", "can-tho"], desc=["Bưởi da xanh ruột hồng, múi ráo, vỏ mỏng.", "Trái 1,2–2 kg, đóng thùng carton có tem truy xuất."])
P("buoi", "FRUIT_CITRUS", "kg", (25000, 40000), ["Bưởi Năm Roi {p}", "Bưởi Năm Roi Bình Minh"], q=["nam-roi", "tuoi"], at=["vinh-long", "hau-giang"],
  desc=["Bưởi Năm Roi ruột trắng, không hạt, vị ngọt chua nhẹ."])
P("buoi", "FRUIT_CITRUS", "quả", (30000, 60000), ["Bưởi Diễn {p}", "Bưởi diễn Phú Diễn chính gốc"], q=["dien", "tuoi"], at=["ha-noi", "ha-noi"],
  desc=["Bưởi Diễn vỏ vàng, múi giòn ngọt, để được lâu sau Tết."])
P("buoi", "FRUIT_CITRUS", "quả", (40000, 70000), ["Bưởi Đoan Hùng", "Bưởi Sửu Đoan Hùng {p}"], q=["doan-hung", "tuoi"], at=["doan-hung", "doan-hung"],
  desc=["Bưởi Sửu Chí Đám, đặc sản Đoan Hùng."])
P("buoi", "FRUIT_CITRUS", "kg", (45000, 80000), ["Bưởi hữu cơ {p}", "Bưởi da xanh hữu cơ"], q=["tuoi", "huu-co", "da-xanh"], at=["vinh-long", "ben-tre"],
  desc=["Canh tác hữu cơ, chứng nhận TCVN 11041."], organic=True)
P("cam", "FRUIT_CITRUS", "kg", (25000, 45000), ["Cam {p}", "CAM CAO PHONG HÒA BÌNH", "Cam canh Cao Phong loại 1"], q=["cao-phong", "tuoi"],
  at=["cao-phong", "cao-phong", "hoa-binh"], desc=["Cam Cao Phong vỏ mỏng, mọng nước, vị ngọt đậm.", "Chỉ dẫn địa lý cam Cao Phong."])
P("cam", "FRUIT_CITRUS", "kg", (20000, 35000), ["Cam sành {p}", "Cam sành Tam Bình", "Cam Sanh Vinh Long"], q=["cam-sanh", "tuoi"],
  at=["vinh-long", "vinh-long", "tuyen-quang", "ha-giang"], desc=["Cam sành vỏ xanh sần, nhiều nước.", "Hàm Yên nổi tiếng cam sành."])
P("cam", "FRUIT_CITRUS", "kg", (30000, 50000), ["Cam Vinh {p}", "Cam xã Đoài Nghi Lộc"], q=["cam-vinh", "tuoi"], at=["nghe-an", "nghe-an"],
  desc=["Cam Vinh vỏ mỏng, hương thơm đặc trưng xứ Nghệ."])
P("cam", "FRUIT_CITRUS", "kg", (18000, 30000), ["Cam xoàn {p}", "Cam mật không hạt"], q=["tuoi"], at=["can-tho", "hau-giang", "dong-thap"],
  desc=["Cam ngọt, vỏ mỏng, thích hợp vắt nước."])
P("quyt", "FRUIT_CITRUS", "kg", (30000, 55000), ["Quýt hồng Lai Vung {p}", "Quýt đường {p}", "QUÝT HỒNG LAI VUNG"], q=["tuoi"],
  at=["dong-thap", "dong-thap", "can-tho"], desc=["Quýt hồng vỏ cam đỏ, chín dịp Tết."])
P("quyt", "FRUIT_CITRUS", "kg", (25000, 45000), ["Quýt Bắc Kạn", "Quýt ngọt {p}"], q=["tuoi"], at=["bac-kan", "thai-nguyen"],
  desc=["Quýt vỏ mỏng, múi ngọt, trồng trên đồi."])
P("vai", "FRUIT_LYCHEE_LONGAN", "kg", (20000, 45000), ["Vải thiều Lục Ngạn", "Vải thiều {p} loại 1", "VẢI THIỀU LỤC NGẠN VIETGAP"], q=["vai-thieu", "tuoi"],
  at=["luc-ngan", "luc-ngan", "bac-giang", "bac-giang"], desc=["Vải thiều quả to, hạt nhỏ, cùi dày.", "Xuất khẩu Nhật, Mỹ."])
P("vai", "FRUIT_LYCHEE_LONGAN", "kg", (35000, 60000), ["Vải thiều Thanh Hà", "Vải thiều {p} chính vụ"], q=["vai-thieu", "tuoi"], at=["thanh-ha", "hai-duong"],
  desc=["Vải thiều Thanh Hà, chỉ dẫn địa lý."])
P("vai", "PROCESSED_DRIED", "kg", (120000, 180000), ["Vải sấy khô {p}", "Vải thiều sấy nguyên quả"], q=["kho"], at=["bac-giang", "luc-ngan"],
  desc=["Vải sấy củi nhãn, cùi dẻo."])
P("nhan", "FRUIT_LYCHEE_LONGAN", "kg", (40000, 90000), ["Nhãn lồng Hưng Yên", "Nhãn lồng {p} cùi dày", "NHAN LONG PHO HIEN"], q=["nhan-long", "tuoi"],
  at=["hung-yen", "pho-hien", "hung-yen"], desc=["Nhãn lồng cùi dày, ráo, ngọt sắc.", "Đặc sản tiến vua."])
P("nhan", "FRUIT_LYCHEE_LONGAN", "kg", (20000, 40000), ["Nhãn xuồng cơm vàng {p}", "Nhãn Ido {p}", "Nhãn tiêu da bò"], q=["tuoi"],
  at=["ben-tre", "vinh-long", "dong-thap", "son-la"], desc=["Nhãn trái to, cơm dày.", "Thu hoạch tháng 7–8."])
P("nhan", "PROCESSED_DRIED", "kg", (150000, 220000), ["Long nhãn sấy khô {p}", "Long nhãn Hưng Yên"], q=["kho"], at=["hung-yen", "son-la"],
  desc=["Cùi nhãn sấy, làm chè và thuốc bổ."])
P("chom-chom", F, "kg", (15000, 35000), ["Chôm chôm Java {p}", "Chôm chôm nhãn {p}", "CHÔM CHÔM THÁI"], q=["tuoi"], at=["vinh-long", "ben-tre", "dong-nai", "dong-thap"],
  desc=["Chôm chôm tróc, cơm giòn ngọt."])
P("mang-cut", F, "kg", (40000, 80000), ["Măng cụt {p}", "Mang cut Lai Thieu", "Măng cụt Chợ Lách loại 1"], q=["tuoi"], at=["ben-tre", "binh-duong", "vinh-long"],
  desc=["Măng cụt vỏ tím, múi trắng, vị chua ngọt."])
P("mit", F, "kg", (15000, 35000), ["Mít Thái siêu sớm {p}", "Mít ruột đỏ Malaysia", "MÍT THÁI MÚI VÀNG"], q=["tuoi"], at=["tien-giang", "hau-giang", "dong-thap"],
  desc=["Mít Thái múi dày, giòn, ngọt."])
P("mit", "PROCESSED_DRIED", "túi", (50000, 90000), ["Mít sấy giòn {p}", "Mít sấy chân không"], q=["kho"], at=["dak-lak", "dong-thap"],
  desc=["Mít Thái sấy chân không, giòn rụm."])
P("thom", F, "kg", (8000, 18000), ["Khóm Cầu Đúc {p}", "Khóm Queen {p}", "KHÓM CẦU ĐÚC HẬU GIANG"], q=["tuoi"], at=["cau-duc", "cau-duc", "hau-giang"],
  desc=["Khóm Cầu Đúc trái nhỏ, thịt vàng, ngọt thanh, ít xơ."])
P("thom", F, "kg", (9000, 16000), ["Thơm Tân Phước", "Trái thơm {p}", "Thơm (dứa) Queen"], q=["tuoi"], at=["tan-phuoc", "tien-giang", "long-an"],
  desc=["Thơm Queen mắt lồi, thịt vàng."])
P("thom", F, "kg", (8000, 15000), ["Dứa Đồng Giao", "Dứa Cayen {p}", "DỨA QUEEN TAM ĐIỆP"], q=["tuoi"], at=["dong-giao", "ninh-binh", "thanh-hoa", "nghe-an"],
  desc=["Dứa trồng trên đồi, quả to, mọng nước."])
P("thom", "PROCESSED_DRIED", "túi", (55000, 80000), ["Dứa sấy dẻo {p}", "Khóm sấy dẻo"], q=["kho"], at=["ninh-binh", "hau-giang"],
  desc=["Dứa sấy dẻo, vị chua ngọt tự nhiên."])
P("dua", F, "quả", (10000, 20000), ["Dừa xiêm xanh {p}", "DỪA XIÊM BẾN TRE", "Dừa xiêm lùn Mỏ Cày"], q=["dua-xiem", "tuoi"], at=["ben-tre", "ben-tre", "vinh-long", "tra-vinh"],
  desc=["Dừa xiêm nước ngọt, trái 1,2–1,5 kg.", "Dừa gọt kim cương đóng thùng 9 trái."])
P("dua", F, "quả", (25000, 40000), ["Dừa sáp Cầu Kè", "Dừa sáp {p}"], q=["dua-sap", "tuoi"], at=["tra-vinh", "tra-vinh"],
  desc=["Dừa sáp cơm đặc sệt, đặc sản Cầu Kè."])
P("dua", F, "quả", (7000, 12000), ["Dừa khô {p}", "Dừa khô lột vỏ"], q=["kho"], at=["ben-tre", "tra-vinh"],
  desc=["Dừa già lột vỏ, dùng lấy cơm nạo ép nước cốt."])
P("man", "FRUIT_OTHER", "kg", (25000, 50000), ["Mận hậu Mộc Châu", "Mận hậu {p}", "MẬN TAM HOA BẮC HÀ"], q=["man-hau", "tuoi"], at=["moc-chau", "son-la", "bac-ha"],
  desc=["Mận hậu giòn, chua ngọt, chín tháng 5–6.", "Vỏ có lớp phấn trắng."])
P("man", "FRUIT_OTHER", "kg", (30000, 60000), ["Mận tam hoa {p}", "Mận Tam Hoa Bắc Hà"], q=["tam-hoa", "tuoi"], at=["bac-ha", "lao-cai"],
  desc=["Mận tam hoa ruột đỏ, giòn."])
P("roi", F, "kg", (20000, 40000), ["Mận hồng đào {p}", "Mận An Phước", "MẬN HỒNG ĐÀO TIỀN GIANG"], q=["tuoi"], at=["tien-giang", "dong-thap", "vinh-long"],
  desc=["Mận hồng đào (quả roi) giòn, ngọt, mọng nước.", "Trái đỏ tươi, thu hoạch quanh năm."])
P("roi", F, "kg", (15000, 30000), ["Roi đỏ {p}", "Quả roi Hưng Yên"], q=["tuoi"], at=["hung-yen", "hai-duong"],
  desc=["Roi đỏ quả to, giòn, ngọt mát."])
P("na", F, "kg", (30000, 60000), ["Na dai Chi Lăng", "Na {p} loại 1", "Na bở {p}"], q=["tuoi"], at=["lang-son", "lang-son", "bac-giang"],
  desc=["Na dai mắt to, ngọt sắc."])
P("na", F, "kg", (35000, 70000), ["Mãng cầu ta Bà Đen", "Mãng cầu dai {p}"], q=["tuoi"], at=["tay-ninh", "tay-ninh"],
  desc=["Mãng cầu ta Tây Ninh trồng dưới chân núi Bà Đen."])
P("mang-cau-xiem", F, "kg", (30000, 50000), ["Mãng cầu xiêm {p}", "MÃNG CẦU XIÊM BẾN TRE"], q=["tuoi"], at=["ben-tre", "tien-giang"],
  desc=["Mãng cầu xiêm trái to 2–3 kg, làm sinh tố."])
P("mang-cau-xiem", "PROCESSED_DRIED", "túi", (60000, 90000), ["Mãng cầu xiêm sấy dẻo"], q=["kho"], at=["ben-tre"],
  desc=["Mãng cầu xiêm sấy dẻo, giữ vị chua nhẹ."])
P("chuoi", F, "kg", (10000, 22000), ["Chuối già Nam Mỹ {p}", "Chuối Laba Đà Lạt", "CHUỐI TIÊU HỒNG"], q=["tuoi"], at=["dong-nai", "lam-dong", "hung-yen", "ha-noi"],
  desc=["Chuối trồng theo quy trình xuất khẩu."])
P("chuoi", "PROCESSED_DRIED", "kg", (60000, 95000), ["Chuối sấy dẻo {p}", "Chuối sấy giòn"], q=["kho"], at=["dong-nai", "ben-tre"],
  desc=["Chuối xiêm chín sấy dẻo."])
P("oi", F, "kg", (12000, 25000), ["Ổi ruột đỏ {p}", "Ổi nữ hoàng", "Ổi lê Đài Loan {p}"], q=["tuoi"], at=["tien-giang", "long-an", "hai-duong", "dong-thap"],
  desc=["Ổi giòn, ngọt, ít hạt."])
P("bo", F, "kg", (30000, 70000), ["Bơ 034 {p}", "Bơ sáp Đắk Lắk", "BƠ BOOTH ĐẮK NÔNG"], q=["tuoi"], at=["dak-lak", "dak-nong", "lam-dong", "bao-loc"],
  desc=["Bơ sáp dẻo, cơm vàng.", "Bơ 034 trái dài, hạt nhỏ."])
P("vu-sua", F, "kg", (40000, 80000), ["Vú sữa Lò Rèn Vĩnh Kim", "Vú sữa lò rèn {p}", "Vú sữa hoàng kim"], q=["tuoi"], at=["lo-ren", "lo-ren", "tien-giang"],
  desc=["Vú sữa Lò Rèn trái tròn, vỏ xanh bóng, sữa ngọt."])
P("tac", "FRUIT_CITRUS", "kg", (15000, 30000), ["Tắc (quất) {p}", "Quất cảnh Tết", "Trái tắc tươi"], q=["tuoi"], at=["vinh-long", "dong-thap", "hung-yen"],
  desc=["Tắc trái tươi làm nước tắc, sa tế.", "Quất trái vàng, làm mứt."])
P("chanh", "FRUIT_CITRUS", "kg", (15000, 35000), ["Chanh không hạt {p}", "Chanh tứ quý", "CHANH KHÔNG HẠT LONG AN"], q=["tuoi"], at=["long-an", "long-an", "hau-giang", "tien-giang"],
  desc=["Chanh không hạt vỏ mỏng, nhiều nước."])
P("chanh-day", F, "kg", (15000, 30000), ["Chanh leo {p}", "Chanh dây tím Lâm Đồng", "Chanh leo Mộc Châu"], q=["tuoi"], at=["son-la", "moc-chau", "lam-dong", "gia-lai", "dak-nong"],
  desc=["Chanh leo tím, vỏ trơn bóng, dùng làm nước ép."])

# --- vegetables
V = "VEG_LEAFY"
P("rau-muong", V, "kg", (10000, 20000), ["Rau muống {p}", "Rau muống nước", "RAU MUỐNG VIETGAP"], q=["tuoi"], at=["ha-noi", "hai-phong", "ho-chi-minh"],
  desc=["Rau muống sạch, cắt buổi sáng, giao trong ngày."])
P("rau-muong", "VEG_ORGANIC", "kg", (25000, 35000), ["Rau muống hữu cơ {p}"], q=["tuoi", "huu-co"], at=["ha-noi", "cu-chi"],
  desc=["Trồng hữu cơ, không thuốc bảo vệ thực vật hóa học."])
P("bap-cai", "VEG_LEAFY", "kg", (8000, 15000), ["Bắp cải Đà Lạt", "Bắp cải trái tim {p}", "Cải bắp {p}"], q=["tuoi"], at=["da-lat", "lam-dong", "hai-duong", "moc-chau"],
  desc=["Bắp cải cuốn chặt, bắp 1,5–2 kg."])
P("sup-lo", "VEG_ROOT", "kg", (20000, 35000), ["Súp lơ xanh {p}", "Bông cải xanh Đà Lạt", "Hoa lơ trắng {p}"], q=["tuoi"], at=["da-lat", "lam-dong", "hai-phong"],
  desc=["Súp lơ (bông cải) hoa chắc, màu xanh đậm."])
P("kho-qua", "VEG_ROOT", "kg", (12000, 22000), ["Khổ qua {p}", "KHỔ QUA RỪNG", "Mướp đắng {p}"], q=["tuoi"], at=["tien-giang", "long-an", "ha-noi", "thanh-hoa"],
  desc=["Trái xanh, gai đều, vị đắng nhẹ."])
P("kho-qua", "OCOP_HERBAL", "túi", (80000, 120000), ["Trà khổ qua rừng sấy khô"], q=["kho"], at=["dong-thap"],
  desc=["Khổ qua rừng thái lát sấy, pha trà."])
P("ca-chua", "VEG_ROOT", "kg", (15000, 30000), ["Cà chua bi {p}", "Cà chua Beef Đà Lạt", "Cà chua {p} VietGAP"], q=["tuoi"], at=["da-lat", "lam-dong", "hai-duong", "moc-chau"],
  desc=["Cà chua chín cây, vỏ đỏ đều."])
P("dua-leo", "VEG_ROOT", "kg", (10000, 20000), ["Dưa leo {p}", "Dưa leo baby", "Dưa chuột {p}"], q=["tuoi"], at=["lam-dong", "can-tho", "hai-duong", "hung-yen"],
  desc=["Trồng nhà màng, trái thẳng, giòn."])
P("khoai-lang", "PRODUCE_ROOTS", "kg", (15000, 30000), ["Khoai lang tím Nhật {p}", "Khoai lang mật Đà Lạt", "KHOAI LANG BÌNH TÂN"], q=["tuoi"],
  at=["vinh-long", "lam-dong", "vinh-long", "quang-nam"], desc=["Khoai lang ruột tím, bở, ngọt.", "Khoai lang mật nướng chảy mật."])
P("khoai-mon", "PRODUCE_ROOTS", "kg", (20000, 40000), ["Khoai môn {p}", "Khoai sọ {p}", "Khoai môn sáp vàng"], q=["tuoi"], at=["lang-son", "thai-nguyen", "vinh-long"],
  desc=["Khoai môn bở, thơm."])
P("san", "PRODUCE_ROOTS", "tấn", (2500000, 3500000), ["Sắn tươi {p}", "Khoai mì củ tươi", "SẮN LÁT KHÔ"], q=["tuoi"], at=["tay-ninh", "gia-lai", "quang-ngai"],
  desc=["Sắn củ tươi cung cấp cho nhà máy tinh bột."])
P("san", "PRODUCE_ROOTS", "kg", (12000, 20000), ["Khoai mì nếp {p}", "Sắn dẻo {p}"], q=["tuoi"], at=["tay-ninh", "nghe-an"],
  desc=["Củ khoai mì nếp luộc dẻo, bùi."])
P("cu-dau", "VEG_ROOT", "kg", (10000, 18000), ["Củ đậu {p}", "Củ đậu Bắc Giang"], q=["tuoi"], at=["bac-giang", "thanh-hoa"],
  desc=["Củ đậu vỏ mỏng, nhiều nước, ăn sống."])
P("cu-dau", "VEG_ROOT", "kg", (10000, 18000), ["Củ sắn {p}", "Củ sắn ăn sống (củ đậu)", "Cu san tuoi"], q=["tuoi"], at=["tien-giang", "long-an", "vinh-long"],
  desc=["Củ sắn nước ngọt mát, làm gỏi, bò bía."])
P("bi-do", "VEG_ROOT", "kg", (10000, 18000), ["Bí đỏ hồ lô {p}", "Bí ngô {p}", "BÍ ĐỎ TRÁI DÀI"], q=["tuoi"], at=["lam-dong", "dak-lak", "hoa-binh", "nghe-an"],
  desc=["Bí đỏ ruột vàng, dẻo."])
P("rau-mui", "VEG_HERBS", "kg", (30000, 60000), ["Ngò rí {p}", "Rau mùi ta", "Ngò gai {p}"], q=["tuoi"], at=["ho-chi-minh", "ha-noi", "can-tho"],
  desc=["Rau thơm gia vị, bó 200 g."])
P("rau-cai", V, "kg", (10000, 20000), ["Rau cải ngọt {p}", "Cải bẹ xanh {p}", "Cải mèo Sa Pa"], q=["tuoi"], at=["ha-noi", "ho-chi-minh", "sa-pa", "lam-dong"],
  desc=["Rau cải sạch theo VietGAP."])
P("rau-cai", "VEG_ORGANIC", "kg", (25000, 40000), ["Cải ngọt hữu cơ {p}", "Rau cải hữu cơ"], q=["tuoi", "huu-co"], at=["da-lat", "ha-noi"],
  desc=["Chứng nhận hữu cơ PGS."])
P("mang", "VEG_ROOT", "kg", (20000, 40000), ["Măng tươi {p}", "Măng nứa rừng", "Măng tre Bát Độ"], q=["tuoi"], at=["yen-bai", "thanh-hoa", "quang-nam"],
  desc=["Măng luộc sẵn, hút chân không."])
P("mang", "PROCESSED_DRIED", "kg", (180000, 300000), ["Măng khô {p}", "Măng lưỡi lợn khô", "Măng khô Tây Bắc"], q=["kho"], at=["yen-bai", "lai-chau", "ha-giang"],
  desc=["Măng nứa phơi khô gác bếp."])
P("la-dua", "VEG_HERBS", "kg", (15000, 30000), ["Lá dứa tươi {p}", "Lá dứa thơm", "LÁ DỨA (LÁ NẾP)"], q=["tuoi"], at=["tien-giang", "vinh-long", "ho-chi-minh"],
  desc=["Lá dứa làm bánh, nấu chè, tạo màu xanh."])

# --- rice, grains, nuts
R = "RICE_SPECIALTY"
P("gao", R, "kg", (30000, 45000), ["Gạo ST25 {p}", "GẠO ST25 CHÍNH GỐC SÓC TRĂNG", "Gạo ST25 ruộng tôm", "Gạo thơm ST25 túi 5kg", "Gao ST25 Ho Quang Cua"],
  q=["st25"], at=["soc-trang", "soc-trang", "can-tho", "ca-mau", "bac-lieu", "soc-trang"], desc=["Gạo ST25 hạt dài, dẻo thơm, ngon nhất thế giới 2019.", "Canh tác luân canh lúa – tôm."])
P("gao", R, "kg", (28000, 40000), ["Gạo ST24 {p}", "Gạo thơm ST24"], q=["st24"], at=["soc-trang", "can-tho"],
  desc=["Gạo ST24 hạt dài, mềm cơm."])
P("gao", R, "kg", (20000, 30000), ["Gạo thơm Jasmine {p}", "Gạo Jasmine 85", "Gạo thơm lài {p}"], q=["jasmine"], at=["an-giang", "dong-thap", "long-an", "kien-giang"],
  desc=["Gạo thơm lài, cơm mềm.", "Gạo thơm, cơm dẻo."])
P("gao", R, "kg", (25000, 35000), ["Gạo tám thơm Hải Hậu", "Gạo Tám xoan {p}", "GẠO TÁM THƠM ĐIỆN BIÊN"], q=["tam-thom"], at=["nam-dinh", "nam-dinh", "dien-bien", "thai-binh"],
  desc=["Gạo tám thơm hạt nhỏ, thơm tự nhiên."])
P("gao", R, "kg", (30000, 45000), ["Gạo lứt đỏ {p}", "Gạo lứt huyết rồng", "Gạo lứt tím than"], q=["lut"], at=["long-an", "an-giang", "ha-noi"],
  desc=["Gạo lứt nguyên cám, giàu chất xơ."])
P("gao", R, "kg", (40000, 60000), ["Gạo hữu cơ {p}", "Gạo hữu cơ Hoa Sữa", "Gạo ST25 hữu cơ"], q=["huu-co"], at=["dong-thap", "soc-trang", "hau-giang"],
  desc=["Lúa canh tác hữu cơ, chứng nhận USDA, EU."], organic=True)
P("gao", "RICE", "tấn", (11000000, 14000000), ["Gạo trắng 5% tấm {p}", "Gạo IR 504", "GẠO OM5451"], q=[], at=["an-giang", "dong-thap", "can-tho"],
  desc=["Gạo xuất khẩu, đóng bao 50 kg."])
P("gao-nep", R, "kg", (30000, 50000), ["Gạo nếp cái hoa vàng {p}", "Nếp cái hoa vàng Kinh Môn", "Nếp Tú Lệ {p}"], q=[], at=["hai-duong", "hai-duong", "yen-bai"],
  desc=["Nếp dẻo thơm, đồ xôi, nấu rượu."])
P("gao-nep", R, "kg", (25000, 35000), ["Nếp sáp {p}", "Gạo nếp than {p}"], q=[], at=["an-giang", "son-la"], desc=["Nếp hạt tròn, dẻo."])
P("ngo", "GRAINS_CORN", "kg", (8000, 15000), ["Ngô nếp {p}", "Ngô tẻ hạt khô", "Ngô nếp Mèo {p}"], q=[], at=["son-la", "ha-giang", "nghe-an", "dien-bien"],
  desc=["Ngô trồng trên nương, hạt dẻo."])
P("ngo", "GRAINS_CORN", "kg", (10000, 20000), ["Bắp Mỹ {p}", "Bắp nếp {p}", "BẮP NGỌT"], q=[], at=["dong-nai", "tay-ninh", "dak-lak"],
  desc=["Bắp trái tươi, hạt đều, ngọt."])
P("dau-xanh", "GRAINS_BEANS", "kg", (35000, 50000), ["Đậu xanh {p}", "Đậu xanh lòng vàng", "ĐỖ XANH HẠT TIÊU"], q=[], at=["nghe-an", "quang-tri", "dong-thap", "ha-noi"],
  desc=["Đậu xanh tách vỏ, hạt đều."])
P("dau-phong", "PRODUCE_NUTS", "kg", (40000, 60000), ["Lạc đỏ {p}", "Lạc sen Nghệ An", "LẠC NHÂN"], q=["nhan"], at=["nghe-an", "ha-tinh", "thanh-hoa"],
  desc=["Lạc nhân hạt to, vỏ lụa đỏ."])
P("dau-phong", "PRODUCE_NUTS", "kg", (40000, 60000), ["Đậu phộng {p}", "Đậu phộng Tây Ninh", "Đậu phộng da cá"], q=["nhan"], at=["tay-ninh", "long-an", "binh-dinh"],
  desc=["Đậu phộng nhân phơi khô."])
P("me", "PRODUCE_NUTS", "kg", (50000, 80000), ["Vừng đen {p}", "Vừng vàng Nghệ An", "Mè đen {p}", "Mè trắng"], q=[], at=["nghe-an", "ha-tinh", "an-giang", "quang-nam"],
  desc=["Hạt đều, sạch tạp chất."])
P("hat-dieu", "PRODUCE_NUTS", "kg", (180000, 260000), ["Hạt điều rang muối {p}", "HẠT ĐIỀU BÌNH PHƯỚC", "Điều rang củi vỏ lụa"], q=["rang"], at=["binh-phuoc", "binh-phuoc", "loc-ninh", "dong-nai"],
  desc=["Hạt điều W320 rang muối, còn vỏ lụa."])
P("hat-dieu", "PRODUCE_NUTS", "tấn", (28000000, 35000000), ["Hạt điều thô {p}", "Điều nhân W240"], q=["nhan"], at=["binh-phuoc", "dong-nai", "gia-lai"],
  desc=["Điều thô phơi khô, độ ẩm dưới 10%."])
P("mac-ca", "PRODUCE_NUTS", "kg", (200000, 300000), ["Mắc ca nứt vỏ {p}", "Hạt mắc ca Lâm Đồng", "Macca Tây Nguyên"], q=[], at=["lam-dong", "dak-lak", "dien-bien"],
  desc=["Hạt mắc ca sấy nứt vỏ, béo bùi."])

# --- coffee, tea, cocoa
C = "COFFEE"
P("ca-phe", C, "tấn", (90000000, 120000000), ["Cà phê nhân Robusta {p}", "Cà phê Robusta nhân xô", "CÀ PHÊ NHÂN ROBUSTA S18"], q=["robusta", "nhan"],
  at=["dak-lak", "dak-nong", "lam-dong", "gia-lai", "buon-ma-thuot"], desc=["Cà phê Robusta nhân sống, sàng 16–18.", "Hái chín trên 90%."])
P("ca-phe", C, "kg", (180000, 250000), ["Cà phê rang xay Robusta {p}", "Cà phê bột nguyên chất", "Cafe rang xay Buôn Ma Thuột"], q=["robusta", "rang", "bot"],
  at=["buon-ma-thuot", "dak-lak", "dak-nong", "gia-lai"], desc=["Robusta rang mộc, xay sẵn, không tẩm.", "Rang xay nguyên chất."])
P("ca-phe", C, "kg", (250000, 400000), ["Cà phê Arabica Cầu Đất", "Cà phê Arabica {p} rang hạt", "ARABICA CẦU ĐẤT RANG MỘC"], q=["arabica", "rang"],
  at=["cau-dat", "cau-dat", "da-lat", "lam-dong"], desc=["Arabica trồng trên 1.500 m, rang medium.", "Chế biến ướt, hương trái cây."])
P("ca-phe", C, "kg", (200000, 350000), ["Cà phê Arabica Sơn La", "Cà phê Arabica {p}", "Arabica Khe Sanh"], q=["arabica"], at=["son-la", "son-la", "khe-sanh", "quang-tri"],
  desc=["Arabica Catimor, chế biến mật ong (honey process)."])
P("ca-phe", C, "kg", (220000, 300000), ["Cà phê hữu cơ {p}", "Cà phê Robusta hữu cơ", "Organic coffee {p}"], q=["huu-co", "robusta"], at=["dak-lak", "dak-nong"],
  desc=["Cà phê hữu cơ, xuất khẩu châu Âu."], organic=True)
P("ca-phe", C, "kg", (300000, 500000), ["Cà phê Culi {p}", "Cà phê chồn {p}"], q=["robusta", "rang"], at=["dak-lak", "lam-dong"],
  desc=["Culi Robusta rang đậm."])
T = "TEA"
P("che", T, "kg", (250000, 600000), ["Chè Tân Cương Thái Nguyên", "Trà Tân Cương {p}", "CHÈ BÚP TÂN CƯƠNG", "Chè móc câu {p}"], q=["kho", "che-xanh"],
  at=["tan-cuong", "tan-cuong", "thai-nguyen", "thai-nguyen"], desc=["Chè búp sao sấy thủ công, nước xanh, vị chát dịu, hậu ngọt.", "Chè móc câu đặc sản."])
P("che", T, "kg", (300000, 900000), ["Chè Shan tuyết {p}", "Trà shan tuyết cổ thụ", "Chè Shan Tuyết Suối Giàng"], q=["shan-tuyet", "kho"],
  at=["ha-giang", "yen-bai", "son-la", "tuyen-quang"], desc=["Chè shan tuyết cây cổ thụ hàng trăm năm tuổi.", "Búp chè phủ lông tơ trắng."])
P("che", T, "kg", (200000, 500000), ["Trà Ô long {p}", "Trà Oolong Bảo Lộc", "Trà olong Lâm Đồng"], q=["o-long", "kho"], at=["bao-loc", "lam-dong", "da-lat"],
  desc=["Trà Ô long viên, lên men nhẹ."])
P("che", T, "kg", (15000, 30000), ["Chè tươi {p}", "Lá chè tươi"], q=["tuoi"], at=["nghe-an", "phu-tho"], desc=["Lá chè tươi nấu nước uống."])
P("che", T, "kg", (400000, 700000), ["Chè hữu cơ {p}", "Trà xanh hữu cơ"], q=["huu-co", "kho"], at=["thai-nguyen", "ha-giang"],
  desc=["Chè canh tác hữu cơ."], organic=True)
P("tra-thao-moc", "OCOP_HERBAL", "hộp", (60000, 150000), ["Trà atiso {p}", "Trà hoa cúc", "Trà gừng mật ong", "Trà túi lọc lá sen"], q=["kho"], at=["da-lat", "hung-yen", "dong-thap", "nghe-an"],
  desc=["Trà thảo mộc túi lọc, không chất bảo quản."])
P("ca-cao", "COCOA", "kg", (150000, 250000), ["Hạt ca cao lên men {p}", "Cacao Bến Tre", "Ca cao hạt {p}"], q=["nhan"], at=["ben-tre", "dak-lak", "tien-giang"],
  desc=["Hạt ca cao lên men 6 ngày, phơi nắng."])
P("ca-cao", "COCOA", "kg", (250000, 400000), ["Bột ca cao nguyên chất {p}", "Bột cacao Đắk Lắk"], q=["bot"], at=["dak-lak", "ben-tre"],
  desc=["Bột ca cao nguyên chất, không đường."])

# --- spices
S = "SPICES_OTHER"
P("ho-tieu", "SPICES_PEPPER", "kg", (100000, 160000), ["Hồ tiêu đen {p}", "Tiêu đen Chư Sê", "TIÊU ĐEN PHÚ QUỐC", "Hạt tiêu đen 500 g/l"], q=["tieu-den"],
  at=["chu-se", "gia-lai", "phu-quoc", "binh-phuoc", "dak-nong"], desc=["Tiêu đen hạt chắc, cay nồng.", "Tiêu đen phơi khô."])
P("ho-tieu", "SPICES_PEPPER", "kg", (250000, 450000), ["Tiêu đỏ {p}", "Hồ tiêu chín đỏ", "TIÊU CHÍN ĐỎ {p}"], q=["tieu-do"], at=["phu-quoc", "gia-lai", "dak-lak"],
  desc=["Tiêu hái chín đỏ từng chùm."])
P("ho-tieu", "SPICES_PEPPER", "kg", (150000, 250000), ["Tiêu hữu cơ {p}", "Hồ tiêu hữu cơ"], q=["huu-co", "tieu-den"], at=["binh-phuoc", "gia-lai"],
  desc=["Hồ tiêu canh tác hữu cơ."], organic=True)
P("que", S, "kg", (60000, 120000), ["Quế Văn Yên", "Quế thanh {p}", "QUẾ ỐNG YÊN BÁI", "Vỏ quế Trà Bồng"], q=["kho"], at=["van-yen", "yen-bai", "tra-bong", "quang-ngai"],
  desc=["Vỏ quế phơi khô, hàm lượng tinh dầu cao."])
P("que", S, "kg", (90000, 150000), ["Bột quế {p}"], q=["bot"], at=["yen-bai", "quang-nam"], desc=["Quế xay mịn."])
P("hoi", S, "kg", (150000, 250000), ["Hoa hồi {p}", "Hồi khô Lạng Sơn", "Đại hồi {p}"], q=["kho"], at=["lang-son", "lang-son", "cao-bang"],
  desc=["Hồi hoa 8 cánh, sấy khô."])
P("ot", "SPICES_CHILI", "kg", (30000, 60000), ["Ớt chỉ thiên {p}", "Ớt hiểm {p}", "ỚT SỪNG"], q=["tuoi"], at=["quang-ngai", "dong-thap", "tien-giang", "quang-nam"],
  desc=["Ớt trái đỏ, cay."])
P("ot", "SPICES_CHILI", "kg", (120000, 200000), ["Ớt bột {p}", "Ớt khô {p}"], q=["kho"], at=["quang-ngai", "binh-dinh"], desc=["Ớt phơi khô, xay."])
P("gung", S, "kg", (20000, 40000), ["Gừng tươi {p}", "Gừng trâu", "Gừng sẻ {p}"], q=["tuoi"], at=["quang-nam", "lai-chau", "gia-lai", "kon-tum"],
  desc=["Gừng củ già, cay nồng."])
P("gung", S, "kg", (120000, 200000), ["Bột gừng nguyên chất {p}", "Gừng sấy lát"], q=["kho"], at=["quang-nam", "kon-tum"], desc=["Gừng sấy, xay mịn."])
P("nghe", S, "kg", (15000, 30000), ["Nghệ vàng tươi {p}", "Củ nghệ đỏ"], q=["tuoi"], at=["nghe-an", "hung-yen", "quang-nam"], desc=["Nghệ củ già."])
P("nghe", "OCOP_HERBAL", "hộp", (150000, 300000), ["Tinh bột nghệ {p}", "TINH BỘT NGHỆ VÀNG", "Tinh nghệ đỏ nguyên chất"], q=["bot"], at=["nghe-an", "hung-yen", "quang-nam"],
  desc=["Tinh bột nghệ lọc nhiều lần, dùng uống, đắp mặt."])
P("toi", S, "kg", (80000, 150000), ["Tỏi Lý Sơn", "Tỏi cô đơn {p}", "TỎI LÝ SƠN QUẢNG NGÃI"], q=["tuoi"], at=["ly-son", "ly-son", "ly-son"],
  desc=["Tỏi Lý Sơn củ nhỏ, thơm, cay."])
P("toi", S, "kg", (40000, 70000), ["Tỏi Phan Rang", "Tỏi ta {p}"], q=["tuoi"], at=["ninh-thuan", "hai-duong"], desc=["Tỏi trồng trên cát."])
P("hanh-tim", S, "kg", (30000, 60000), ["Hành tím Vĩnh Châu", "Hành tím {p}", "HÀNH TÍM LÝ SƠN"], q=["tuoi"], at=["vinh-chau", "vinh-chau", "ly-son", "soc-trang"],
  desc=["Hành tím củ chắc, thơm."])
P("sa", S, "kg", (8000, 15000), ["Sả cây {p}", "Sả tươi"], q=["tuoi"], at=["tay-ninh", "quang-ngai"], desc=["Sả cây tươi, cắt gốc."])

# --- seafood and fish sauce
A = "PROCESSED_SAUCES"
P("nuoc-mam", A, "chai", (80000, 180000), ["Nước mắm Phú Quốc", "Nước mắm nhĩ Phú Quốc 40 độ đạm", "NƯỚC MẮM PHÚ QUỐC – KIÊN GIANG", "Nuoc mam Phu Quoc ca com"],
  q=["nhi"], at=["phu-quoc", "phu-quoc", "phu-quoc", "kien-giang", "phu-quoc"], desc=["Ủ chượp cá cơm thùng gỗ 12 tháng.", "Nước mắm truyền thống, độ đạm 40°N."])
P("nuoc-mam", A, "chai", (60000, 120000), ["Nước mắm Phan Thiết", "Nước mắm cá cơm {p}", "Nước mắm truyền thống Phan Thiết 35 độ"], q=[], at=["phan-thiet", "phan-thiet", "binh-thuan"],
  desc=["Nước mắm cá cơm than, ủ chượp chum sành."])
P("nuoc-mam", A, "chai", (60000, 110000), ["Nước mắm Cát Hải", "Nước mắm truyền thống {p}", "Nước mắm Nam Ô"], q=[], at=["cat-hai", "cat-hai", "nam-o", "da-nang"],
  desc=["Nước mắm làng nghề, đạm cao."])
P("nuoc-mam", A, "chai", (50000, 90000), ["Nước mắm Vạn Phần", "Nước mắm Cửa Lò", "Nước mắm cá cơm {p}"], q=[], at=["nghe-an", "lang-chai-cua-lo", "khanh-hoa", "quang-tri"],
  desc=["Nước mắm cá cơm ủ chượp."])
P("mam", A, "hũ", (40000, 90000), ["Mắm tôm {p}", "Mắm tôm Thanh Hóa", "MẮM RUỐC HUẾ"], q=[], at=["thanh-hoa", "hue", "hue", "nghe-an"],
  desc=["Mắm tôm đặc, ủ từ tôm moi."])
P("mam", A, "hũ", (60000, 120000), ["Mắm cá linh {p}", "Mắm cá sặc Châu Đốc", "Mắm thái"], q=[], at=["an-giang", "an-giang", "dong-thap"],
  desc=["Mắm cá Châu Đốc, làm mắm kho, bún mắm."])
P("tom", "AQUATIC_SHRIMP", "kg", (180000, 320000), ["Tôm sú {p}", "Tôm sú quảng canh", "TÔM SÚ CÀ MAU"], q=["tom-su", "tuoi"], at=["ca-mau", "dam-doi", "bac-lieu", "soc-trang"],
  desc=["Tôm sú nuôi quảng canh sinh thái, tôm – rừng."])
P("tom", "AQUATIC_SHRIMP", "kg", (100000, 180000), ["Tôm thẻ chân trắng {p}", "Tôm thẻ tươi", "Tôm thẻ nuôi siêu thâm canh"], q=["tom-the", "tuoi"], at=["bac-lieu", "soc-trang", "ben-tre", "ca-mau"],
  desc=["Tôm thẻ size 40–60 con/kg."])
P("tom", "AQUATIC_SHRIMP", "kg", (250000, 400000), ["Tôm càng xanh {p}", "Tôm càng xanh trên ruộng lúa"], q=["tom-cang", "tuoi"], at=["an-giang", "kien-giang", "ca-mau"],
  desc=["Tôm càng xanh nuôi luân canh lúa."])
P("tom", "AQUATIC_DRIED", "kg", (700000, 1200000), ["Tôm khô {p}", "TÔM KHÔ CÀ MAU LOẠI 1", "Tôm khô đất Rạch Gốc"], q=["kho"], at=["ca-mau", "dam-doi", "bac-lieu"],
  desc=["Tôm đất phơi khô, đỏ tự nhiên, không phẩm màu."])
P("tom", "AQUATIC_SHRIMP", "kg", (180000, 260000), ["Tôm thẻ đông lạnh {p}", "Tôm sú cấp đông"], q=["dong-lanh"], at=["soc-trang", "ca-mau"],
  desc=["Tôm cấp đông IQF."])
P("ca-tra", "AQUATIC_FISH", "kg", (25000, 35000), ["Cá tra {p}", "Cá tra thương phẩm", "Cá tra phi lê đông lạnh"], q=[], at=["an-giang", "dong-thap", "can-tho", "ben-tre"],
  desc=["Cá tra nuôi ao đạt chuẩn."])
P("ca-tra", "AQUATIC_DRIED", "kg", (180000, 250000), ["Khô cá tra phồng {p}", "Khô cá tra"], q=["kho"], at=["an-giang", "dong-thap"], desc=["Khô cá tra một nắng."])
P("ca-loc", "AQUATIC_FISH", "kg", (50000, 80000), ["Cá lóc đồng {p}", "Cá lóc nuôi", "Cá quả {p}"], q=["tuoi"], at=["dong-thap", "an-giang", "ha-noi", "nam-dinh"],
  desc=["Cá lóc nuôi ao bạt, thịt chắc."])
P("ca-loc", "AQUATIC_DRIED", "kg", (250000, 400000), ["Khô cá lóc {p}", "Khô cá lóc một nắng", "KHÔ CÁ LÓC ĐỒNG"], q=["kho"], at=["dong-thap", "an-giang", "ca-mau"],
  desc=["Khô cá lóc phơi một nắng."])
P("muc", "AQUATIC_DRIED", "kg", (900000, 1600000), ["Mực khô {p}", "Mực khô Cô Tô", "MỰC KHÔ CÂU"], q=["kho"], at=["quang-ninh", "van-don", "phu-quoc", "ba-ria-vung-tau"],
  desc=["Mực câu phơi khô, size 20–25 con/kg."])
P("muc", "AQUATIC_OTHER", "kg", (250000, 400000), ["Mực một nắng {p}", "Mực ống tươi {p}"], q=["tuoi"], at=["phan-thiet", "quang-ngai", "kien-giang"],
  desc=["Mực câu đêm, làm sạch."])
P("cua", "AQUATIC_OTHER", "kg", (300000, 550000), ["Cua Cà Mau", "Cua gạch {p}", "Cua thịt Năm Căn"], q=["tuoi"], at=["ca-mau", "dam-doi", "bac-lieu"],
  desc=["Cua biển nuôi quảng canh, buộc dây."])
P("ngheu", "AQUATIC_OTHER", "kg", (30000, 50000), ["Nghêu Bến Tre", "Nghêu {p}", "Ngao Thái Bình"], q=["tuoi"], at=["ben-tre", "tra-vinh", "thai-binh"],
  desc=["Nghêu (ngao) sạch cát, chứng nhận MSC."])
P("hau", "AQUATIC_OTHER", "kg", (30000, 60000), ["Hàu Vân Đồn", "Hàu sữa {p}"], q=["tuoi"], at=["van-don", "khanh-hoa", "quang-ninh"],
  desc=["Hàu Thái Bình Dương nuôi bè."])

# --- meat and eggs
M = "LIVESTOCK_PORK"
P("thit-heo", M, "kg", (120000, 180000), ["Thịt heo sạch {p}", "Thịt heo đen {p}", "THỊT HEO VIETGAP"], q=["tuoi"], at=["dong-nai", "binh-duong", "long-an", "dong-thap"],
  desc=["Heo nuôi theo chuỗi, giết mổ tập trung."])
P("thit-heo", M, "kg", (150000, 220000), ["Thịt lợn Mường {p}", "Lợn đen bản {p}", "Thịt lợn sạch", "Thịt lợn thảo dược"], q=["tuoi"], at=["hoa-binh", "son-la", "ha-noi", "thai-binh"],
  desc=["Lợn nuôi thả, thịt săn chắc."])
P("thit-heo", M, "kg", (250000, 320000), ["Thịt lợn hữu cơ {p}", "Thịt heo hữu cơ"], q=["tuoi", "huu-co"], at=["ha-noi", "dong-nai"], desc=["Chăn nuôi hữu cơ."], organic=True)
P("heo-rung", M, "kg", (200000, 280000), ["Heo rừng lai {p}", "Thịt lợn rừng {p}"], q=["tuoi"], at=["dong-nai", "yen-bai", "quang-nam"], desc=["Heo rừng lai nuôi bán hoang dã."])
P("thit-bo", "LIVESTOCK_BEEF", "kg", (220000, 320000), ["Thịt bò {p}", "Bò vàng {p}", "Thịt bò Mông Cao Bằng"], q=["tuoi"], at=["cao-bang", "nghe-an", "tay-ninh", "quang-ngai"],
  desc=["Bò nuôi thả đồi."])
P("thit-bo", "PROCESSED_MEAT", "túi", (500000, 900000), ["Thịt trâu gác bếp {p}", "Bò khô {p}"], q=["kho"], at=["dien-bien", "lai-chau"], desc=["Thịt sấy khói gác bếp kiểu Tây Bắc."])
P("ga", "LIVESTOCK_POULTRY", "kg", (100000, 160000), ["Gà đồi {p}", "Gà ta thả vườn", "GÀ ĐỒI YÊN THẾ", "Gà Đông Tảo {p}"], q=["tuoi"], at=["bac-giang", "bac-giang", "hung-yen", "hoa-binh"],
  desc=["Gà thả đồi 5–6 tháng tuổi."])
P("ga", "LIVESTOCK_POULTRY", "con", (200000, 350000), ["Gà ác {p}", "Gà H'Mông {p}"], q=["tuoi"], at=["ha-giang", "son-la"], desc=["Gà đen nuôi thả."])
P("vit", "LIVESTOCK_POULTRY", "kg", (60000, 100000), ["Vịt xiêm {p}", "Vịt chạy đồng", "Vịt cỏ Vân Đình"], q=["tuoi"], at=["dong-thap", "an-giang", "ha-noi"], desc=["Vịt nuôi thả đồng."])
P("trung", "LIVESTOCK_EGGS", "chục", (30000, 50000), ["Trứng gà ta {p}", "Trứng gà sạch", "TRỨNG GÀ OMEGA 3"], q=["trung-ga"], at=["dong-nai", "ha-noi", "hung-yen", "binh-duong"],
  desc=["Trứng gà nuôi thả, đóng hộp 10 quả."])
P("trung", "LIVESTOCK_EGGS", "chục", (30000, 45000), ["Trứng vịt {p}", "Trứng vịt biển"], q=["trung-vit"], at=["dong-thap", "an-giang", "thai-binh"], desc=["Trứng vịt tươi."])
P("trung", "LIVESTOCK_EGGS", "hộp", (50000, 80000), ["Trứng vịt muối {p}", "Trứng muối Vĩnh Long"], q=["trung-vit", "muoi"], at=["vinh-long", "dong-thap"], desc=["Trứng vịt muối tro."])
P("lap-xuong", "PROCESSED_MEAT", "kg", (200000, 320000), ["Lạp xưởng {p}", "LẠP XƯỞNG CẦN ĐƯỚC", "Lạp xưởng tôm Sóc Trăng"], q=[], at=["long-an", "soc-trang", "ho-chi-minh", "can-tho"],
  desc=["Lạp xưởng mai quế lộ, phơi nắng."])
P("gio-cha", "PROCESSED_MEAT", "kg", (180000, 260000), ["Giò lụa {p}", "Giò lụa Ước Lễ", "Chả lụa {p}", "Chả lụa Huế"], q=[], at=["ha-noi", "ha-noi", "ho-chi-minh", "hue"],
  desc=["Thịt nạc giã, gói lá chuối."])

# --- honey
H = "PRODUCE_HONEY"
P("mat-ong", H, "lít", (180000, 300000), ["Mật ong hoa cà phê {p}", "MẬT ONG HOA CÀ PHÊ ĐẮK LẮK", "Mật ong hoa cafe nguyên chất"], q=["hoa-ca-phe"], at=["dak-lak", "dak-nong", "gia-lai", "buon-ma-thuot"],
  desc=["Mật ong ong ý hút nhụy hoa cà phê mùa xuân.", "Mật ong hoa cà phê, độ ẩm dưới 20%."])
P("mat-ong", H, "lít", (150000, 250000), ["Mật ong hoa nhãn {p}", "Mật ong nhãn Hưng Yên"], q=["hoa-nhan"], at=["hung-yen", "ben-tre", "son-la"], desc=["Mật ong hoa nhãn thơm dịu."])
P("mat-ong", H, "lít", (400000, 700000), ["Mật ong bạc hà Hà Giang", "Mật ong hoa bạc hà {p}", "MẬT ONG BẠC HÀ MÈO VẠC"], q=["bac-ha"], at=["ha-giang", "ha-giang", "tuyen-quang"],
  desc=["Mật ong hoa bạc hà cao nguyên đá Đồng Văn."])
P("mat-ong", H, "lít", (500000, 900000), ["Mật ong rừng {p}", "Mật ong rừng U Minh", "Mật ong khoái"], q=["rung"], at=["ca-mau", "kon-tum", "lai-chau", "dien-bien"],
  desc=["Mật ong rừng khai thác tự nhiên."])
P("mat-ong", H, "lít", (150000, 260000), ["Mật ong hoa vải {p}", "Mật ong hoa vải Lục Ngạn"], q=["hoa-vai"], at=["bac-giang", "luc-ngan"], desc=["Mật ong hoa vải thiều."])
P("mat-ong", H, "lít", (300000, 450000), ["Mật ong hữu cơ {p}"], q=["huu-co"], at=["dak-lak", "ha-giang"], desc=["Trại ong đạt chứng nhận hữu cơ."], organic=True)

# --- mushrooms
N = "PRODUCE_MUSHROOMS"
P("nam-huong", N, "kg", (350000, 600000), ["Nấm hương rừng {p}", "Nấm hương khô Sa Pa", "NẤM HƯƠNG ĐÔNG CÔ"], q=["kho"], at=["sa-pa", "lao-cai", "cao-bang", "ha-giang"],
  desc=["Nấm hương mũ dày, thơm."])
P("nam-huong", N, "kg", (80000, 120000), ["Nấm hương tươi {p}", "Nấm đông cô tươi"], q=["tuoi"], at=["lam-dong", "ha-noi"], desc=["Nấm hương trồng trên phôi mùn cưa."])
P("nam-rom", N, "kg", (60000, 100000), ["Nấm rơm {p}", "Nấm rơm sạch", "NẤM RƠM TƯƠI"], q=["tuoi"], at=["dong-thap", "an-giang", "soc-trang", "thai-binh"],
  desc=["Nấm rơm búp, hái trong ngày."])
P("nam-meo", N, "kg", (120000, 200000), ["Mộc nhĩ đen {p}", "Mộc nhĩ rừng", "Nấm mèo {p}", "Nấm mèo đen khô"], q=["kho"], at=["lang-son", "son-la", "dong-nai", "dong-thap"],
  desc=["Sấy khô, tai nấm đều."])
P("nam-linh-chi", N, "kg", (800000, 1500000), ["Nấm linh chi đỏ {p}", "Linh chi nuôi trồng", "NẤM LINH CHI ĐỎ"], q=["kho"], at=["hai-duong", "lam-dong", "ho-chi-minh", "quang-nam"],
  desc=["Linh chi đỏ thái lát sấy khô."])
P("nam-bao-ngu", N, "kg", (40000, 70000), ["Nấm bào ngư {p}", "Nấm sò trắng", "Nấm bào ngư xám"], q=["tuoi"], at=["lam-dong", "dong-nai", "ha-noi", "can-tho"],
  desc=["Nấm bào ngư trồng trên phôi rơm."])
P("dong-trung-ha-thao", N, "hộp", (500000, 1500000), ["Đông trùng hạ thảo {p}", "Đông trùng hạ thảo sấy thăng hoa"], q=["kho"], at=["ha-noi", "lam-dong", "quang-nam"],
  desc=["Đông trùng hạ thảo nuôi cấy, sấy thăng hoa."])

# --- processed
O = "PROCESSED_OTHER"
P("banh-trang", O, "kg", (40000, 80000), ["Bánh tráng phơi sương Trảng Bàng", "Bánh tráng {p}", "BÁNH TRÁNG CUỐN"], q=[], at=["trang-bang", "trang-bang", "binh-dinh", "tay-ninh"],
  desc=["Bánh tráng gạo, phơi sương, dẻo."])
P("banh-trang", O, "kg", (40000, 70000), ["Bánh đa nem {p}", "Bánh đa nem làng Chều"], q=[], at=["ha-nam", "nam-dinh"], desc=["Bánh đa nem (bánh tráng) gạo tẻ cuốn nem rán."])
P("banh-da", O, "kg", (40000, 70000), ["Bánh đa Kế", "Bánh đa vừng {p}", "BÁNH ĐA KẾ BẮC GIANG"], q=[], at=["ke", "bac-giang", "nghe-an"], desc=["Bánh đa nướng giòn, rắc vừng."])
P("banh-da", "PROCESSED_NOODLES", "kg", (30000, 50000), ["Bánh đa đỏ Hải Phòng", "Bánh đa cua {p}"], q=["kho"], at=["hai-phong", "hai-phong"], desc=["Bánh đa đỏ sợi khô nấu bánh đa cua."])
P("mien", "PROCESSED_NOODLES", "kg", (60000, 100000), ["Miến dong {p}", "Miến dong Bình Liêu", "MIẾN DONG CỰ ĐÀ"], q=["kho"], at=["quang-ninh", "ha-noi", "bac-kan", "ha-noi"],
  desc=["Miến dong riềng nguyên chất, không pha bột sắn."])
P("bun-kho", "PROCESSED_NOODLES", "kg", (25000, 45000), ["Bún khô {p}", "Phở khô Nam Định", "Hủ tiếu Mỹ Tho"], q=["kho"], at=["an-giang", "nam-dinh", "tien-giang"],
  desc=["Sợi bún khô từ gạo."])
P("keo-dua", O, "kg", (60000, 100000), ["Kẹo dừa {p}", "KẸO DỪA BẾN TRE", "Kẹo dừa sáp lá dứa"], q=[], at=["ben-tre", "ben-tre", "vinh-long"],
  desc=["Kẹo dừa Mỏ Cày, nước cốt dừa và mạch nha."])
P("dau-dua", O, "chai", (80000, 150000), ["Dầu dừa nguyên chất {p}", "Dầu dừa ép lạnh", "Dau dua Ben Tre"], q=[], at=["ben-tre", "tra-vinh", "ben-tre"],
  desc=["Dầu dừa ép lạnh từ cơm dừa tươi."])
P("duong", O, "kg", (40000, 70000), ["Đường thốt nốt {p}", "Đường thốt nốt An Giang", "ĐƯỜNG THỐT NỐT BẢY NÚI"], q=["thot-not"], at=["an-giang", "an-giang", "tay-ninh"],
  desc=["Đường nấu từ nước hoa thốt nốt."])
P("duong", O, "kg", (25000, 40000), ["Đường phèn {p}", "Đường mía thủ công", "Đường phèn Quảng Ngãi"], q=[], at=["quang-ngai", "quang-ngai", "hoa-binh"],
  desc=["Đường kết tinh từ mía."])
P("bot-san-day", "OCOP_FOOD", "kg", (150000, 250000), ["Bột sắn dây {p}", "Tinh bột sắn dây nguyên chất", "BỘT SẮN DÂY"], q=["bot"], at=["hung-yen", "thanh-hoa", "nghe-an"],
  desc=["Củ sắn dây lọc tinh bột, pha nước uống."])
P("ruou", "BEV_WINE", "chai", (100000, 300000), ["Rượu Bàu Đá", "Rượu nếp cái hoa vàng {p}", "Rượu Làng Vân", "Rượu mơ Yên Tử"], q=[], at=["binh-dinh", "hai-duong", "bac-giang", "quang-ninh"],
  desc=["Rượu nấu truyền thống, ủ chum."])

# --- handicrafts
K = "CRAFT_BAMBOO"
P("may-tre-dan", K, "cái", (30000, 300000), ["Giỏ mây tre đan {p}", "Mây tre đan Phú Vinh", "Rổ rá tre đan", "Làn cói đan"], q=[], at=["ha-noi", "ha-noi", "thai-binh", "quang-nam"],
  desc=["Sản phẩm đan tay."])
P("tho-cam", "CRAFT_TEXTILE", "cái", (150000, 800000), ["Thổ cẩm {p}", "Khăn thổ cẩm Mường", "Túi thổ cẩm H'Mông"], q=[], at=["hoa-binh", "ha-giang", "lao-cai", "kon-tum"],
  desc=["Dệt tay trên khung cửi."])
P("gom", "CRAFT_CERAMIC", "bộ", (200000, 1500000), ["Gốm Bát Tràng", "Bộ ấm chén gốm {p}", "Gốm Chu Đậu"], q=[], at=["bat-trang", "bat-trang", "hai-duong", "vinh-long"],
  desc=["Men lam, vẽ tay."])
P("chieu-coi", "CRAFT_OTHER", "cái", (100000, 300000), ["Chiếu cói Kim Sơn", "Chiếu cói {p}"], q=[], at=["kim-son", "thanh-hoa"], desc=["Chiếu cói dệt tay."])
P("non-la", "CRAFT_OTHER", "cái", (40000, 150000), ["Nón lá Huế", "Nón lá {p}", "Nón bài thơ"], q=[], at=["hue", "ha-noi"], desc=["Nón lá chuông làng nghề."])

# ---------------------------------------------------------------- organizations and listings
SECTOR = {"FRUIT": "nong", "VEG": "nong", "RICE": "lua", "GRAINS": "lua", "PRODUCE": "nong", "COFFEE": "cafe", "TEA": "cafe",
          "COCOA": "cafe", "SPICES": "nong", "AQUATIC": "thuy", "LIVESTOCK": "chan", "PROCESSED": "chebien", "BEV": "chebien",
          "CRAFT": "thucong", "OCOP": "chebien"}
COMMUNES = ["Tân Phú", "Thành Công", "Đồng Tâm", "Phú Lộc", "Quyết Thắng", "Hưng Thịnh", "An Phước", "Tân Thành", "Bình Minh",
            "Thuận Phát", "Phước Hòa", "Xuân Lộc", "Minh Tâm", "Đại Thành", "Hợp Tiến", "Quang Trung", "Trung Nghĩa", "Sao Mai",
            "Hồng Phát", "Nhân Hòa", "Tiến Thành", "Gia Phát", "Long Hưng", "Mỹ Lợi", "Vĩnh Phát", "An Khang", "Tân Tiến",
            "Thắng Lợi", "Đoàn Kết", "Phú Hưng", "Hòa Bình", "Ánh Dương", "Nam Tiến", "Hoa Sen", "Việt Tiến", "Thịnh Phát",
            "Kim Long", "Bảo Ngọc", "Sơn Thủy", "Phúc Lợi", "Đông Hải", "Tây Sơn", "Mường Thanh", "Ea Kiết", "Cư Bao"]
ORG_TEMPLATES = {
    "nong": ["HTX Nông nghiệp {c}", "HTX Dịch vụ Nông nghiệp {c}", "Tổ hợp tác trồng cây ăn trái {c}", "HTX Nông sản sạch {c}", "HTX Rau quả {c}"],
    "lua": ["HTX Lúa gạo {c}", "HTX Nông nghiệp {c}", "Liên hiệp HTX Lúa gạo {c}"],
    "cafe": ["HTX Cà phê {c}", "HTX Chè {c}", "Liên hiệp HTX Cà phê {c}", "Tổ hợp tác chè {c}"],
    "thuy": ["HTX Thủy sản {c}", "HTX Nuôi trồng thủy sản {c}", "HTX Chế biến hải sản {c}", "Tổ hợp tác nghề cá {c}"],
    "chan": ["HTX Chăn nuôi {c}", "Tổ hợp tác nuôi ong {c}", "HTX Chăn nuôi tổng hợp {c}"],
    "chebien": ["HTX Chế biến nông sản {c}", "Công ty TNHH Thực phẩm {c}", "Cơ sở sản xuất {c}", "HTX Làng nghề {c}"],
    "thucong": ["HTX Thủ công mỹ nghệ {c}", "HTX Làng nghề {c}", "Tổ hợp tác dệt {c}"],
}
KIND = {"Liên hiệp": "COOPERATIVE_UNION", "Tổ hợp tác": "COOPERATIVE_GROUP", "Công ty": "PROCESSOR", "Cơ sở": "PROCESSOR"}

orgs = []
org_by_key = {}
used_names = set()


def org_for(province, legacy, sector):
    pool = org_by_key.setdefault((province, sector), [])
    for o in pool:
        if o["_stated"] in (None, legacy) and len(o["_listings"]) < o["_size"]:
            return o
    while True:
        name = rng.choice(ORG_TEMPLATES[sector]).format(c=rng.choice(COMMUNES))
        state = legacy and rng.random() < 0.35
        if state:
            name += " " + PLACES[legacy]["names"][0]
        if name not in used_names:
            break
    used_names.add(name)
    kind = next((k for p, k in KIND.items() if name.startswith(p)), "COOPERATIVE")
    style = rng.choices(["plain", "caps", "notone", "typo"], [70, 10, 10, 10])[0]
    o = {"key": "ORG-%03d" % (len(orgs) + 1), "name": name, "kind": kind, "province": NEW_NAME[province],
         "verified": rng.random() < 0.6, "_listings": [], "_style": style, "_size": rng.choice([4, 5, 6, 8]), "_stated": legacy if state else None}
    orgs.append(o)
    pool.append(o)
    return o


def strip_tones(s):
    return fold(s)


TONE_SWAP = {"à": "á", "á": "à", "ả": "ã", "ạ": "à", "ề": "ế", "ế": "ề", "ồ": "ố", "ố": "ồ", "ờ": "ớ", "ớ": "ờ", "ư": "u", "ơ": "o",
             "ộ": "ồ", "ị": "ì", "ì": "ị", "ú": "ù", "ọ": "ò"}


def typo(s):
    idx = [i for i, ch in enumerate(s) if ch in TONE_SWAP]
    if idx and rng.random() < 0.6:
        i = rng.choice(idx)
        return s[:i] + TONE_SWAP[s[i]] + s[i + 1:]
    letters = [i for i, ch in enumerate(s) if ch.isalpha()]
    i = rng.choice(letters)
    return s[:i] + s[i] + s[i:]  # doubled letter


def place_name(place):
    return rng.choice(PLACES[place]["names"])


def legacy_of(place):
    # the pre-2025 province a place lies in (or None when that is also the current one)
    p = place
    while PLACES[p]["level"] == "locality":
        p = PLACES[p]["parent"]
    return p if PLACES[p]["level"] == "legacy-province" else None


GENERIC = ["Giao hàng toàn quốc.", "Vận chuyển bằng đường bộ và đường biển.", "Nhận đơn sỉ cho siêu thị, cửa hàng nông sản sạch.",
           "HTX thành lập năm 2012, 45 thành viên.", "Sản lượng ổn định quanh năm.", "Đóng gói theo yêu cầu của khách hàng.",
           "Có tem truy xuất nguồn gốc QR.", "Vườn cách đường lớn 2 km, xe tải vào tận nơi.", "Sản phẩm thơm ngon, an toàn.",
           "Cung ứng cho các tỉnh miền Nam và miền Bắc.", "Hàng tuyển chọn kỹ.", "Hợp tác xã liên kết với hơn 100 hộ nông dân."]
STALE = ["Đạt chứng nhận VietGAP năm 2019.", "Được cấp chứng nhận VietGAP từ năm 2018.", "Sản phẩm OCOP 3 sao năm 2020.",
         "Đã đạt GlobalGAP (2017)."]
EXTRA_SCHEMES = {"cafe": ["Rainforest Alliance", "4C", "Fairtrade"], "thuy": ["ASC", "BAP"], "chebien": ["Halal", "FSSC 22000"],
                 "nong": ["Fairtrade", "Sản phẩm CNNT tiêu biểu"], "chan": ["Sản phẩm CNNT tiêu biểu"], "lua": ["SRP"],
                 "thucong": ["Sản phẩm CNNT tiêu biểu"]}

import re

PLACE_NAMES = sorted(((n, k) for k, v in PLACES.items() for n in v["names"]), key=lambda x: -len(x[0]))
PLACE_RE = [(re.compile(r"(?<!\w)" + re.escape(n) + r"(?!\w)", re.IGNORECASE), k) for n, k in PLACE_NAMES]
LEVEL_RANK = {"locality": 0, "legacy-province": 1, "province": 2}


FOLDED_RE = [(re.compile(r"(?<!\w)" + re.escape(fold(n)) + r"(?!\w)", re.IGNORECASE), k) for n, k in PLACE_NAMES]


def mentioned(text):
    if fold(text) == text:  # written without tone marks: match place names without them too
        found = []
        for rx, k in FOLDED_RE:
            if rx.search(text):
                found.append(k)
                text = rx.sub(" ", text)
        return found
    found = []
    for rx, k in PLACE_RE:
        if rx.search(text):
            found.append(k)
            text = rx.sub(" ", text)
    return found


def chain(place):
    c = [place]
    while PLACES[c[-1]]["parent"]:
        c.append(PLACES[c[-1]]["parent"])
    return c


def compatible(place, origin):
    # a place a text states fits the listing's origin when one contains the other
    return place in chain(origin) or origin in chain(place)


# A qualifier with a cue is labelled only when the listing's own text states it (RULES.md 1); fresh is the
# default form of fresh produce and organic is also certified, so those two have no cue.
CUES = {"st25": r"st ?25", "st24": r"st ?24", "ri6": r"ri ?6", "monthong": "monthong", "robusta": "robusta", "arabica": "arabica",
        "ruot-do": "ruột đỏ", "da-xanh": "da xanh", "cat-hoa-loc": r"ho[àa] lộc|hoa loc", "vai-thieu": "vải thiều", "nhan-long": r"nhãn lồng|nhan long",
        "tom-su": "tôm sú", "tom-the": "tôm thẻ", "shan-tuyet": "shan tuyết", "kho": r"sấy|\bkhô\b|long nhãn|gác bếp",
        "bot": r"(?<!máy tinh )\bbột\b(?! sắn)|\bxay\b", "rang": r"(?<!phan )\brang\b", "nhan": r"nhân|thô|hạt ca cao|ca cao hạt", "tieu-den": r"tiêu đen|tieu den",
        "tieu-do": r"tiêu đỏ|chín đỏ", "lut": "lứt", "trung-vit": "trứng vịt", "trung-ga": "trứng gà", "muoi": "muối",
        "dong-lanh": r"đông lạnh|cấp đông", "rung": "rừng", "hoa-ca-phe": r"hoa cà phê|hoa cafe", "thot-not": "thốt nốt",
        "man-hau": "mận hậu", "bac-ha": "bạc hà", "hoa-nhan": r"hoa nhãn|mật ong nhãn"}
# A variety is stated for its own item only ("hoa vải thiều" honey is not the lychee variety); forms for any item.
CUE_ITEMS = {"st25": ["gao"], "st24": ["gao"], "lut": ["gao"], "ri6": ["sau-rieng"], "monthong": ["sau-rieng"],
             "robusta": ["ca-phe"], "arabica": ["ca-phe"], "ruot-do": ["thanh-long", "mit", "man", "oi"], "da-xanh": ["buoi"],
             "cat-hoa-loc": ["xoai"], "vai-thieu": ["vai"], "nhan-long": ["nhan"], "tom-su": ["tom"], "tom-the": ["tom"],
             "shan-tuyet": ["che"], "tieu-den": ["ho-tieu"], "tieu-do": ["ho-tieu"], "man-hau": ["man"], "thot-not": ["duong"],
             "trung-vit": ["trung"], "trung-ga": ["trung"], "hoa-ca-phe": ["mat-ong"], "bac-ha": ["mat-ong"], "hoa-nhan": ["mat-ong"],
             "rung": ["mat-ong", "nam-huong", "nam-meo"]}

listings = []
ref_counter = {}
for line in LINES:
    sector = SECTOR[line["cat"].split("_")[0]]
    for i in range(line["n"]):
        raw_name = line["names"][i % len(line["names"])]
        origin = line["at"][i % len(line["at"])]
        in_name = mentioned(raw_name)
        if in_name:
            origin = min(in_name, key=lambda k: LEVEL_RANK[PLACES[k]["level"]])
        province = new_province(origin)
        legacy = legacy_of(origin)
        org = org_for(province, legacy, sector)
        pn = place_name(origin)
        if PLACES[origin]["level"] == "legacy-province" and rng.random() < 0.3:
            pn = pn + " – " + NEW_NAME[province]  # "Nước mắm Phú Quốc – Kiên Giang" style
        name = raw_name.replace("{p}", pn)
        fitting = [d for d in line["desc"] if all(compatible(m, origin) for m in mentioned(d))] or ["Hàng chất lượng cao."]
        desc_parts = [rng.choice(fitting)]
        if "{p}" not in raw_name and not in_name and PLACES[origin]["level"] != "province" and rng.random() < 0.8:
            desc_parts.append(rng.choice(["Vùng nguyên liệu: {p}.", "Sản xuất tại {p}.", "Đặc sản {p}.", "Xuất xứ: {p}."]).replace("{p}", pn))
        desc_parts += rng.sample(GENERIC, rng.choice([0, 1, 2]))
        certs = []
        r = rng.random()
        if r < 0.25:
            certs.append({"scheme": "VIETGAP", "number": "VG-%04d" % rng.randrange(10000), "issuer": "Trung tâm Chứng nhận Phù hợp", "expired": False})
        elif r < 0.35:
            certs.append({"scheme": "VIETGAP", "number": "VG-%04d" % rng.randrange(10000), "issuer": "Quacert", "expired": True})
            desc_parts.append(rng.choice(STALE))
        elif r < 0.45:
            desc_parts.append(rng.choice(STALE))
        if rng.random() < 0.15:
            certs.append({"scheme": "OCOP", "number": "OCOP-%03d" % rng.randrange(1000), "issuer": "UBND tỉnh", "ocopStars": rng.choice([3, 3, 4, 4, 5]),
                          "expired": rng.random() < 0.2})
        if line.get("organic") or "huu-co" in line["q"]:
            certs.append({"scheme": "ORGANIC", "number": "TCVN11041-%03d" % rng.randrange(1000), "issuer": "Control Union", "expired": False})
        if rng.random() < 0.18:
            certs.append({"scheme": rng.choice(EXTRA_SCHEMES[sector]), "number": "X-%05d" % rng.randrange(100000), "issuer": None,
                          "expired": rng.random() < 0.3})
        if rng.random() < 0.04:
            certs.append({"scheme": "GLOBALGAP", "number": "GGN-%06d" % rng.randrange(1000000), "issuer": "Control Union", "expired": False})
        desc = " ".join(desc_parts)
        stated = mentioned(name + " . " + desc)
        for m in stated:
            assert compatible(m, origin) or new_province(m) == province, (name, desc, m, origin)
        places = [m for m in stated if PLACES[m]["level"] != "province"]
        text = (name + " " + desc).lower()

        def states(x):
            return re.search(CUES[x], text) or re.search(CUES[x], fold(text))
        # the line's qualifiers the text states (or that need no cue), plus every other qualifier the text states
        quals = [x for x in line["q"] if x not in CUES or states(x)]
        quals += [x for x in CUES if x not in quals and line["item"] in CUE_ITEMS.get(x, [line["item"]]) and states(x)]
        if org["_stated"] and org["_stated"] not in places:
            places.append(org["_stated"])
        style = org["_style"]
        if style == "caps":
            name = name.upper()
        elif style == "notone":
            name, desc = strip_tones(name), strip_tones(desc)
        elif style == "typo":
            name = typo(name) if rng.random() < 0.5 else name
            desc = typo(desc)
        prefix = line["item"].upper().replace("-", "")[:6]
        ref_counter[prefix] = ref_counter.get(prefix, 0) + 1
        pmin, pmax = line["price"]
        step = max(1000, pmin // 20)
        lo = pmin + rng.randrange(0, max(1, (pmax - pmin) // 2) + 1, step) if pmax > pmin else pmin
        month_choices = [[], list(range(1, 13)), [5, 6, 7], [11, 12, 1, 2], [6, 7, 8], [3, 4, 5, 6]]
        listing = {
            "ref": "%s-%02d" % (prefix, ref_counter[prefix]), "organization": org["key"], "name": name, "category": line["cat"],
            "description": desc, "unit": line["unit"], "priceMinVnd": lo, "priceMaxVnd": max(lo, pmax),
            "monthlyCapacity": rng.choice([200, 500, 1000, 2000, 5000]) if line["unit"] != "tấn" else rng.choice([10, 20, 50]),
            "availableMonths": rng.choice(month_choices), "province": NEW_NAME[province], "certifications": certs,
            "labels": {"item": line["item"], "qualifiers": sorted(set(quals)), "places": places, "province": province},
        }
        org["_listings"].append(listing["ref"])
        listings.append(listing)

# ---------------------------------------------------------------- queries
# (query, kind, items, qualifiers, place)
Q = []


def q(text, kind, items, quals=(), place=None):
    items = items.split() if isinstance(items, str) else list(items)
    quals = quals.split() if isinstance(quals, str) else list(quals)
    if place:
        assert place in PLACES, place
    for it in items:
        assert it in ITEMS or it[1:] in GROUPS, it
    Q.append({"query": text, "kind": kind, "items": items, "qualifiers": quals, **({"place": place} if place else {})})


# accented
for t, it, ql in [("nước mắm", "nuoc-mam", ""), ("thanh long", "thanh-long", ""), ("cà phê", "ca-phe", ""), ("sầu riêng", "sau-rieng", ""),
                  ("bưởi", "buoi", ""), ("mật ong", "mat-ong", ""), ("gạo", "gao", ""), ("hồ tiêu", "ho-tieu", ""), ("vải thiều", "vai", "vai-thieu"),
                  ("nhãn lồng", "nhan", "nhan-long"), ("tôm sú", "tom", "tom-su"), ("hạt điều", "hat-dieu", ""), ("nấm hương", "nam-huong", ""),
                  ("măng cụt", "mang-cut", ""), ("miến dong", "mien", ""), ("quế", "que", ""), ("chôm chôm", "chom-chom", ""),
                  ("tỏi", "toi", "")]:
    q(t, "accented", it, ql)
# unaccented
for t, it, ql in [("nuoc mam", "nuoc-mam", ""), ("thanh long", "thanh-long", ""), ("ca phe", "ca-phe", ""), ("sau rieng", "sau-rieng", ""),
                  ("buoi da xanh", "buoi", "da-xanh"), ("mat ong", "mat-ong", ""), ("gao st25", "gao", "st25"), ("ho tieu", "ho-tieu", ""),
                  ("vai thieu", "vai", "vai-thieu"), ("xoai cat hoa loc", "xoai", "cat-hoa-loc"), ("tom the", "tom", "tom-the"),
                  ("hat dieu", "hat-dieu", ""), ("nam rom", "nam-rom", ""), ("mang cut", "mang-cut", ""), ("mien dong", "mien", ""),
                  ("hanh tim", "hanh-tim", ""), ("che shan tuyet", "che", "shan-tuyet"), ("khoai lang", "khoai-lang", ""),
                  ("ca loc", "ca-loc", "")]:
    q(t, "unaccented", it, ql)
# joined-split
for t, it, ql, pl in [("nuocmam", "nuoc-mam", "", None), ("thanhlong", "thanh-long", "", None), ("hanhtim", "hanh-tim", "", None),
                      ("nuoc mam phuquoc", "nuoc-mam", "", "phu-quoc"), ("gạo st 25", "gao", "st25", None), ("sầu riêng ri 6", "sau-rieng", "ri6", None),
                      ("sau rieng ri 6", "sau-rieng", "ri6", None), ("matong", "mat-ong", "", None), ("caphe", "ca-phe", "", None),
                      ("sầurieng", "sau-rieng", "", None), ("buoidaxanh", "buoi", "da-xanh", None), ("hồ tiêuđen", "ho-tieu", "tieu-den", None),
                      ("cà phêrobusta", "ca-phe", "robusta", None), ("gao st24", "gao", "st24", None), ("matong hoa ca phe", "mat-ong", "hoa-ca-phe", None),
                      ("thanh long ruotdo", "thanh-long", "ruot-do", None), ("banhtrang", "banh-trang", "", None), ("keodua", "keo-dua", "", None)]:
    q(t, "joined-split", it, ql, pl)
# drop the accidental duplicates of other kinds (kept unique by query text below)
# telex-vni
for t, it, ql in [("mawtj ong", "mat-ong", ""), ("caf phee", "ca-phe", ""), ("ca2 phe6", "ca-phe", ""), ("nuwowcs mawms", "nuoc-mam", ""),
                  ("nu7o71c ma81m", "nuoc-mam", ""), ("saauf rieeng", "sau-rieng", ""), ("gaoj st25", "gao", "st25"),
                  ("bwowir da xanh", "buoi", "da-xanh"), ("hoof tieeu", "ho-tieu", ""), ("toir lys sown", "toi", ""),
                  ("nhanx loongf", "nhan", "nhan-long"), ("xoaif cats", "xoai", ""), ("ma65t ong", "mat-ong", ""),
                  ("ho62 tie6u", "ho-tieu", ""), ("dduwowngf thoots noots", "duong", "thot-not"), ("naams huwowng", "nam-huong", "")]:
    q(t, "telex-vni", it, ql)
# typo
for t, it, ql in [("gaoo st25", "gao", "st25"), ("xoaii", "xoai", ""), ("nươc mắm", "nuoc-mam", ""), ("thanh lonng", "thanh-long", ""),
                  ("cà phế", "ca-phe", ""), ("mật ông", "mat-ong", ""), ("sầu riềng", "sau-rieng", ""), ("xoài cát hoà lộc", "xoai", "cat-hoa-loc"),
                  ("bưởi da xnh", "buoi", "da-xanh"), ("tieu de", "ho-tieu", "tieu-den"), ("hạt điêu", "hat-dieu", ""), ("vải thiêù", "vai", "vai-thieu"),
                  ("mắc ca", "mac-ca", ""), ("tôm khồ", "tom", "kho"), ("nấm linh chỉ", "nam-linh-chi", ""), ("chè thái nguyen", "che", ""),
                  ("khóm cầu dúc", "thom", "")]:
    q(t, "typo", it, ql, "cau-duc" if "khóm" in t else ("thai-nguyen" if "chè thái" in t else None))
# regional
for t, it, ql in [("thịt lợn", "thit-heo", ""), ("thit heo", "thit-heo", ""), ("ngô", "ngo", ""), ("bắp", "ngo", ""), ("lạc", "dau-phong", ""),
                  ("đậu phộng", "dau-phong", ""), ("vừng", "me", ""), ("mè đen", "me", ""), ("khoai mì", "san", ""), ("mướp đắng", "kho-qua", ""),
                  ("khổ qua", "kho-qua", ""), ("khóm", "thom", ""), ("dứa", "thom", ""), ("bông cải", "sup-lo", ""), ("rau mùi", "rau-mui", ""),
                  ("ngò", "rau-mui", ""), ("cá quả", "ca-loc", ""), ("nấm mèo", "nam-meo", ""), ("mộc nhĩ", "nam-meo", ""), ("bí ngô", "bi-do", ""),
                  ("mãng cầu ta", "na", ""), ("quả quất", "tac", ""), ("khoai sọ", "khoai-mon", ""), ("dưa chuột", "dua-leo", ""), ("chả lụa", "gio-cha", "")]:
    q(t, "regional", it, ql)
# collision
for t, it, ql in [("mận", "man roi", ""), ("mận hậu", "man", "man-hau"), ("quả roi", "roi", ""), ("mận hồng đào", "roi", ""),
                  ("lá dứa", "la-dua", ""), ("củ sắn", "san cu-dau", ""), ("củ đậu", "cu-dau", ""), ("nấm", "@nam", ""), ("nam", "@nam", ""),
                  ("đường", "duong", ""), ("duong thot not", "duong", "thot-not"), ("bắp cải", "bap-cai", ""), ("kẹo dừa", "keo-dua", ""),
                  ("dừa", "dua", ""), ("dầu dừa", "dau-dua", ""), ("thơm", "thom", ""), ("gạo thơm", "gao", ""), ("bánh đa", "banh-da", ""),
                  ("bánh tráng", "banh-trang", ""), ("bột sắn dây", "bot-san-day", ""), ("mật ong hoa cà phê", "mat-ong", "hoa-ca-phe"),
                  ("mãng cầu xiêm", "mang-cau-xiem", "")]:
    q(t, "collision", it, ql)
# place
for t, it, ql, pl in [("nước mắm Phú Quốc", "nuoc-mam", "", "phu-quoc"), ("nước mắm Kiên Giang", "nuoc-mam", "", "kien-giang"),
                      ("cà phê Đắk Nông", "ca-phe", "", "dak-nong"), ("cà phê Buôn Ma Thuột", "ca-phe", "", "buon-ma-thuot"),
                      ("bưởi Bến Tre", "buoi", "", "ben-tre"), ("bưởi Vĩnh Long", "buoi", "", "vinh-long"), ("gạo Sóc Trăng", "gao", "", "soc-trang"),
                      ("cam Hòa Bình", "cam", "", "hoa-binh"), ("cam Phú Thọ", "cam", "", "phu-tho"), ("vải Bắc Giang", "vai", "", "bac-giang"),
                      ("hạt điều Bình Phước", "hat-dieu", "", "binh-phuoc"), ("thanh long Bình Thuận", "thanh-long", "", "binh-thuan"),
                      ("thanh long Long An", "thanh-long", "", "long-an"), ("tiêu Gia Lai", "ho-tieu", "", "gia-lai"),
                      ("tỏi Lý Sơn", "toi", "", "ly-son"), ("chè Hà Giang", "che", "", "ha-giang"), ("tôm Cà Mau", "tom", "", "ca-mau"),
                      ("mật ong Hà Giang", "mat-ong", "", "ha-giang"), ("đặc sản Bến Tre", "", "", "ben-tre"), ("nông sản Lâm Đồng", "@nong-san", "", "lam-dong"),
                      ("sầu riêng Tiền Giang", "sau-rieng", "", "tien-giang"), ("nuoc mam phan thiet", "nuoc-mam", "", "phan-thiet")]:
    q(t, "place", it, ql, pl)
# qualifier
for t, it, ql in [("gạo ST25", "gao", "st25"), ("sầu riêng Ri6", "sau-rieng", "ri6"), ("sầu riêng Monthong", "sau-rieng", "monthong"),
                  ("cà phê robusta", "ca-phe", "robusta"), ("cà phê arabica", "ca-phe", "arabica"), ("thanh long ruột đỏ", "thanh-long", "ruot-do"),
                  ("cà phê nhân", "ca-phe", "nhan"), ("xoài sấy", "xoai", "kho"), ("tôm khô", "tom", "kho"), ("mực khô", "muc", "kho"),
                  ("nấm hương khô", "nam-huong", "kho"), ("tiêu đỏ", "ho-tieu", "tieu-do"), ("gạo lứt", "gao", "lut"), ("tinh bột nghệ", "nghe", "bot"),
                  ("trứng vịt muối", "trung", "trung-vit muoi"), ("rau hữu cơ", "@rau-cu", "huu-co"), ("cà phê hữu cơ", "ca-phe", "huu-co"),
                  ("sầu riêng đông lạnh", "sau-rieng", "dong-lanh"), ("chè shan tuyết", "che", "shan-tuyet"), ("bột ca cao", "ca-cao", "bot"),
                  ("mật ong rừng", "mat-ong", "rung")]:
    q(t, "qualifier", it, ql)
# buyer-phrase
for t, it, ql, pl in [("cần mua bưởi da xanh số lượng lớn", "buoi", "da-xanh", None), ("nhà cung cấp cà phê rang xay", "ca-phe", "rang", None),
                      ("trái cây sấy khô", "@trai-cay", "kho", None), ("tìm nguồn hàng gạo ST25 cho siêu thị", "gao", "st25", None),
                      ("mua sỉ nước mắm truyền thống", "nuoc-mam", "", None), ("cần tìm HTX cung cấp rau hữu cơ", "@rau-cu", "huu-co", None),
                      ("thu mua sầu riêng Ri6 xuất khẩu", "sau-rieng", "ri6", None), ("hải sản khô", "@hai-san-kho", "kho", None),
                      ("đặt hàng mật ong nguyên chất", "mat-ong", "", None), ("cung cấp thanh long ruột đỏ cho chuỗi cửa hàng", "thanh-long", "ruot-do", None),
                      ("can mua tieu den so luong lon", "ho-tieu", "tieu-den", None), ("nguồn cung trứng gà sạch", "trung", "trung-ga", None),
                      ("tìm nhà cung cấp đồ mây tre đan", "may-tre-dan", "", None), ("nhập hàng hạt điều rang muối", "hat-dieu", "rang", None),
                      ("cần mua cà phê nhân robusta Đắk Lắk", "ca-phe", "robusta nhan", "dak-lak"), ("đặc sản OCOP làm quà Tết", "", "", None)]:
    if t.startswith("đặc sản OCOP"):
        continue  # an OCOP star is a certificate, not a label of these rules: left out rather than guessed
    q(t, "buyer-phrase", it, ql, pl)

# unique texts (a text belongs to one kind: first wins)
seen = set()
Q = [x for x in Q if not (unicodedata.normalize("NFC", x["query"]) in seen or seen.add(unicodedata.normalize("NFC", x["query"])))]


def split(queries):
    dev, hold = [], []
    kinds = sorted({x["kind"] for x in queries})
    for k in kinds:
        ks = [x for x in queries if x["kind"] == k]
        ks.sort(key=lambda x: hashlib.sha256(unicodedata.normalize("NFC", x["query"]).encode("utf-8")).hexdigest())
        n_dev = int(len(ks) * 0.4 + 0.5)
        dev += ks[:n_dev]
        hold += ks[n_dev:]
    return dev, hold


dev, hold = split(Q)

# ---------------------------------------------------------------- write
for o in orgs:
    for k in ["_listings", "_style", "_stated", "_size"]:
        o.pop(k)
rules = {"description": "Tables of RULES.md: items, groups, places (locality -> pre-2025 province -> province), substitutes.",
         "items": ITEMS, "groups": GROUPS, "substitutes": SUBSTITUTES,
         "places": {k: {"names": v["names"], "parent": v["parent"], "level": v["level"]} for k, v in PLACES.items()}}


def dump(name, obj):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=1)
        f.write("\n")


dump("rules.json", rules)
dump("catalogue.json", {"description": "Judged search set v2: listings as cooperatives write them, with labels for the grader (RULES.md).",
                        "organizations": orgs, "listings": listings})
dump("queries-dev.json", {"description": "Dev part (RULES.md section 5): may be read query by query.", "queries": dev})
dump("queries-holdout.json", {"description": "Holdout part (RULES.md section 5): measured only, never read query by query.", "queries": hold})
print(len(orgs), "organizations,", len(listings), "listings,", len({l["labels"]["item"] for l in listings}), "items,",
      len({o["province"] for o in orgs}), "provinces;", len(Q), "queries:", len(dev), "dev", len(hold), "holdout")
from collections import Counter
print(Counter(x["kind"] for x in Q))
