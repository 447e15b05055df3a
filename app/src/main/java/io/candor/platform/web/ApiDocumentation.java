package io.candor.platform.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title, description and the bearer token every endpoint but sign-in needs. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI candorOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Candor API").version("v1")
                        .description("Candor, the compliance-first debt-collection platform: accounts and imports, the "
                                + "contact gate, messages, the AI agent, arrangements, the portal, evidence. Get a token "
                                + "with POST /api/v1/auth/token and send it as Authorization: Bearer <token>; errors are "
                                + "RFC 9457 problem details; docs/api.md lists which role may call what.")
                        .license(new License().name("Apache License 2.0")
                                .url("https://www.apache.org/licenses/LICENSE-2.0")))
                .schemaRequirement("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("a token from POST /api/v1/auth/token"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
