package io.candor.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** One rule picks a language everywhere, and every message bundle has every key. */
class LanguagesTests {

    @Test
    void macaoAndHongKongReadTraditionalChineseOnEverySurface() {
        List<String> portal = List.of("zh-CN", "zh-TW", "en", "id", "pt-BR", "es", "vi", "th");
        for (List<String> spoken : List.of(Languages.STAFF, portal)) {
            assertThat(Languages.nearest("zh-MO", spoken)).isEqualTo("zh-TW");
            assertThat(Languages.nearest("zh-HK", spoken)).isEqualTo("zh-TW");
            assertThat(Languages.nearest("zh-Hant-CN", spoken)).isEqualTo("zh-TW");
            assertThat(Languages.nearest("zh", spoken)).isEqualTo("zh-CN");
            assertThat(Languages.nearest("zh_SG", spoken)).isEqualTo("zh-CN");
            assertThat(Languages.nearest("fr-FR", spoken)).isEqualTo("en");
        }
        assertThat(Languages.nearest("in", portal)).isEqualTo("id");
        assertThat(Languages.nearest("pt-PT", portal)).isEqualTo("pt-BR");
        assertThat(Languages.nearest("th-TH", portal)).isEqualTo("th");
        assertThat(Languages.nearest("th-TH", Languages.STAFF)).isEqualTo("en");
    }

    @Test
    void everyBundleHasEveryKeyOfItsBase() throws IOException {
        for (String base : List.of("messages", "portal")) {
            Set<String> keys = keys("/i18n/" + base + ".properties");
            List<String> languages = base.equals("messages") ? List.of("zh_CN", "zh_TW")
                    : List.of("zh_CN", "zh_TW", "id", "pt_BR", "es", "vi", "th");
            for (String lang : languages) {
                Set<String> missing = new TreeSet<>(keys);
                missing.removeAll(keys("/i18n/" + base + "_" + lang + ".properties"));
                assertThat(missing).as(base + "_" + lang + " lacks keys").isEmpty();
            }
        }
    }

    private static Set<String> keys(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LanguagesTests.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p.stringPropertyNames();
    }
}
