package io.candor.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import org.jspecify.annotations.Nullable;

/** Synthetic people for the demo: plausible per country, never real. */
final class DemoPeople {

    record Person(String name, String nationalId, LocalDate birthDate, String phone, @Nullable String email,
                  String address, String region, @Nullable String bankAccount) {
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final List<String> CN_SURNAMES = List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
            "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高");
    private static final List<String> CN_GIVEN = List.of("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
            "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建华", "志强", "晓燕", "海燕", "俊杰", "子涵");
    private static final List<String> TW_GIVEN = List.of("志明", "淑芬", "家豪", "雅婷", "冠宇", "怡君", "宗翰", "佳穎");
    private static final List<String> CN_COMPANY = List.of("商贸有限公司", "科技有限公司", "餐饮管理有限公司", "建材有限公司");
    private static final Map<String, String> CN_REGIONS = Map.of("110101", "北京市东城区", "310101", "上海市黄浦区",
            "440106", "广州市天河区", "510104", "成都市锦江区", "330106", "杭州市西湖区", "420102", "武汉市江岸区");

    private static final Map<String, List<String>> GIVEN = Map.of(
            "ID", List.of("Budi", "Siti", "Agus", "Dewi", "Rizky", "Putri", "Andi", "Ayu"),
            "PH", List.of("Juan", "Maria", "Jose", "Ana", "Mark", "Kristine", "John Paul", "Angelica"),
            "MX", List.of("José", "María", "Juan", "Guadalupe", "Luis", "Fernanda", "Carlos", "Ximena"),
            "BR", List.of("João", "Maria", "Pedro", "Ana", "Lucas", "Juliana", "Gabriel", "Beatriz"),
            "VN", List.of("Anh", "Bình", "Châu", "Dũng", "Hà", "Hùng", "Lan", "Minh"),
            "TH", List.of("Somchai", "Somsak", "Malee", "Suda", "Anan", "Kanya", "Niran", "Ploy"),
            "US", List.of("James", "Mary", "Robert", "Patricia", "Michael", "Jennifer", "David", "Linda"),
            "GB", List.of("Oliver", "Olivia", "George", "Amelia", "Harry", "Isla", "Jack", "Ava"),
            "SG", List.of("Wei Ming", "Hui Min", "Arjun", "Nur Aisyah", "Jun Jie", "Priya", "Kai", "Siew Ling"));
    private static final Map<String, List<String>> FAMILY = Map.of(
            "ID", List.of("Santoso", "Wijaya", "Saputra", "Hidayat", "Kusuma", "Pratama", "Nugroho", "Lestari"),
            "PH", List.of("Santos", "Reyes", "Cruz", "Bautista", "Ocampo", "Garcia", "Mendoza", "Torres"),
            "MX", List.of("Hernández", "García", "Martínez", "López", "González", "Rodríguez", "Pérez", "Sánchez"),
            "BR", List.of("Silva", "Santos", "Oliveira", "Souza", "Rodrigues", "Ferreira", "Alves", "Pereira"),
            "VN", List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng"),
            "TH", List.of("Saetang", "Srisuk", "Wongsakul", "Chaiyaporn", "Boonmee", "Kaewmanee", "Thongdee", "Rattanakorn"),
            "US", List.of("Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson"),
            "GB", List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans", "Thomas"),
            "SG", List.of("Tan", "Lim", "Lee", "Ng", "Kumar", "Wong", "Goh", "Chua"));
    private static final Map<String, String> CITIES = Map.ofEntries(Map.entry("ID", "Jakarta Selatan"),
            Map.entry("PH", "Quezon City"), Map.entry("MX", "Ciudad de México"), Map.entry("BR", "São Paulo"),
            Map.entry("VN", "Hà Nội"), Map.entry("TH", "Bangkok"), Map.entry("US", "Austin, TX"),
            Map.entry("GB", "Manchester"), Map.entry("SG", "Singapore"), Map.entry("HK", "九龍旺角"),
            Map.entry("TW", "臺北市大安區"));
    private static final Map<String, String> REGIONS = Map.ofEntries(Map.entry("ID", "ID-JK"), Map.entry("PH", "PH-00"),
            Map.entry("MX", "MX-CMX"), Map.entry("BR", "BR-SP"), Map.entry("VN", "VN-HN"), Map.entry("TH", "TH-10"),
            Map.entry("US", "US-TX"), Map.entry("GB", "GB-MAN"), Map.entry("SG", "SG-01"), Map.entry("HK", "HK-KL"),
            Map.entry("TW", "TW-TPE"));

    private DemoPeople() {
    }

    static Person person(String country, boolean company, Random r) {
        LocalDate birth = LocalDate.of(1960 + r.nextInt(45), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String phone = mobile(country, r);
        return switch (country) {
            case "CN" -> {
                String code = pick(List.copyOf(CN_REGIONS.keySet()), r);
                String name = pick(CN_SURNAMES, r) + pick(CN_GIVEN, r);
                yield new Person(company ? known(CN_REGIONS, code).substring(0, 2) + name + pick(CN_COMPANY, r) : name,
                        chineseId(code, birth, r), birth, phone, null,
                        known(CN_REGIONS, code) + (1 + r.nextInt(300)) + "号", "CN-" + code.substring(0, 2),
                        "62" + digits(17, r));
            }
            case "HK", "TW" -> {
                String name = pick(CN_SURNAMES, r) + pick(TW_GIVEN, r);
                String id = country.equals("HK") ? (char) ('A' + r.nextInt(26)) + digits(6, r) + r.nextInt(10)
                        : (char) ('A' + r.nextInt(26)) + (r.nextBoolean() ? "1" : "2") + digits(8, r);
                yield new Person(name, id, birth, phone, null, known(CITIES, country) + (1 + r.nextInt(200)) + "號",
                        known(REGIONS, country), digits(12, r));
            }
            default -> {
                String given = pick(known(GIVEN, country), r);
                String family = pick(known(FAMILY, country), r);
                String email = (given + "." + family).toLowerCase().replaceAll("[^a-z.]", "") + r.nextInt(1000)
                        + "@example.com";
                yield new Person(given + " " + family, digits(country.equals("ID") ? 16 : 11, r), birth, phone, email,
                        (1 + r.nextInt(900)) + " Demo Street, " + known(CITIES, country), known(REGIONS, country),
                        digits(10, r));
            }
        };
    }

    /** A valid mobile number: the country's example number with its last four digits changed. */
    static String mobile(String country, Random r) {
        Phonenumber.PhoneNumber example = PHONES.getExampleNumberForType(country, PhoneNumberUtil.PhoneNumberType.MOBILE);
        String national = PHONES.getNationalSignificantNumber(example);
        for (int attempt = 0; attempt < 20; attempt++) {
            String candidate = national.substring(0, national.length() - 4) + digits(4, r);
            String e164 = "+" + example.getCountryCode() + candidate;
            try {
                if (PHONES.isValidNumber(PHONES.parse(e164, null))) {
                    return e164;
                }
            } catch (NumberParseException ignored) {
                // try another
            }
        }
        return "+" + example.getCountryCode() + national;
    }

    /** A mainland resident identity number with its ISO 7064 MOD 11-2 check character. */
    static String chineseId(String region, LocalDate birth, Random r) {
        String body = region + birth.toString().replace("-", "") + digits(3, r);
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * weights[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static String digits(int n, Random r) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(r.nextInt(10));
        }
        return b.toString();
    }

    private static <T> T pick(List<T> items, Random r) {
        return items.get(r.nextInt(items.size()));
    }

    /** A value of one of the demo's own tables, for a key the demo itself chose. */
    private static <V> V known(Map<String, V> table, String key) {
        return Objects.requireNonNull(table.get(key), key);
    }
}
