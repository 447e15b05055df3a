package io.candor.agent.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PinyinTests {

    @Test
    void surnamesAreReadAsNames() {
        assertThat(Pinyin.name("单丽华")).isEqualTo("shan4 li4 hua2");
        assertThat(Pinyin.name("曾国强")).isEqualTo("zeng1 guo2 qiang2");
        assertThat(Pinyin.name("解晓东")).isEqualTo("xie4 xiao3 dong1");
        assertThat(Pinyin.name("仇伟")).isEqualTo("qiu2 wei3");
        assertThat(Pinyin.name("尉迟恭")).isEqualTo("yu4 chi2 gong1");
        assertThat(Pinyin.name("單麗華")).as("traditional characters").isEqualTo("shan4 li4 hua2");
        assertThat(Pinyin.name("王芳")).isEqualTo("wang2 fang1");
    }

    @Test
    void aNameInASentenceIsReadAsAName() {
        assertThat(Pinyin.of("请问是单丽华本人吗？", List.of("单丽华")))
                .isEqualTo("qing3 wen4 shi4 shan4 li4 hua2 ben3 ren2 ma?");
        assertThat(Pinyin.of("单独")).as("not a name: the common reading").startsWith("dan1");
    }

    @Test
    void polyphonesAreReadByTheirWord() {
        assertThat(Pinyin.of("招商银行")).isEqualTo("zhao1 shang1 yin2 hang2");
        assertThat(Pinyin.of("还款")).isEqualTo("huan2 kuan3");
        assertThat(Pinyin.of("还有问题")).startsWith("hai2 you3");
        assertThat(Pinyin.of("重新")).isEqualTo("chong2 xin1");
        assertThat(Pinyin.of("還款")).as("traditional").isEqualTo("huan2 kuan3");
        assertThat(Pinyin.of("好的")).isEqualTo("hao3 de");
    }

    @Test
    void numbersAmountsAndDatesAreSaid() {
        assertThat(Pinyin.count(12)).isEqualTo("十二");
        assertThat(Pinyin.count(205)).isEqualTo("二百零五");
        assertThat(Pinyin.count(1015)).isEqualTo("一千零一十五");
        assertThat(Pinyin.count(30_500)).isEqualTo("三万零五百");
        assertThat(Pinyin.count(120_000)).isEqualTo("十二万");
        assertThat(Pinyin.numbersInWords("应还1234.50 CNY")).isEqualTo("应还一千二百三十四元五角");
        assertThat(Pinyin.numbersInWords("2026-12-15")).isEqualTo("二零二六年十二月十五日");
        assertThat(Pinyin.numbersInWords("请按1")).isEqualTo("请按一");
        assertThat(Pinyin.of("还款500元")).isEqualTo("huan2 kuan3 wu3 bai3 yuan2");
    }

    @Test
    void yiAndBuChangeToneBeforeAFourthTone() {
        assertThat(Pinyin.of("一个")).isEqualTo("yi2 ge4");
        assertThat(Pinyin.of("不是")).isEqualTo("bu2 shi4");
        assertThat(Pinyin.of("一天")).isEqualTo("yi4 tian1");
        assertThat(Pinyin.of("第一")).isEqualTo("di4 yi1");
        assertThat(Pinyin.of("请按一。")).isEqualTo("qing3 an4 yi1.");
    }

    @Test
    void toneMarksBecomeNumbers() {
        assertThat(Pinyin.numbered("dān")).isEqualTo("dan1");
        assertThat(Pinyin.numbered("lǜ")).isEqualTo("lv4");
        assertThat(Pinyin.numbered("nǚ")).isEqualTo("nv3");
        assertThat(Pinyin.numbered("le")).isEqualTo("le");
    }
}
