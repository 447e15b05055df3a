package io.candor.identity;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * {@code ?lang=zh-CN} switches the language of the pages before sign-in; a caller's role is checked before what they
 * sent is read ({@link RolesBeforeReading}).
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang);
        registry.addInterceptor(new PasswordChangeFirst()).order(0);
        registry.addInterceptor(new OperatorScope()).order(0);
        registry.addInterceptor(new RolesBeforeReading()).order(1);
    }
}
