/// What Hugo needs to build the same content: a config and three small layouts that render a
/// title, the section's navigation and the content — about what Almanac's theme puts on a page.
enum HugoFiles {
    static func files(pages: Int) -> [(path: String, text: String)] {
        [
            ("hugo.toml", """
            # Written by almanac-corpus (\(pages) pages) so Hugo can build the same site for comparison.
            baseURL = "https://example.org/"
            languageCode = "ru"
            defaultContentLanguage = "ru"
            title = "Синтетическая база знаний"

            [markup.goldmark.renderer]
            unsafe = false

            """),
            ("layouts/_default/baseof.html", """
            <!DOCTYPE html>
            <html lang="ru">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{ .Title }} — {{ .Site.Title }}</title>
            {{ with .Description }}<meta name="description" content="{{ . }}">{{ end }}
            </head>
            <body>
            <header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
            <nav>{{ with .CurrentSection }}<p><a href="{{ .RelPermalink }}">{{ .Title }}</a></p>
            <ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}</nav>
            <main data-pagefind-body>{{ block "main" . }}{{ end }}</main>
            </body>
            </html>

            """),
            ("layouts/_default/single.html", """
            {{ define "main" }}<article>
            <h1>{{ .Title }}</h1>
            {{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}
            {{ .Content }}
            </article>{{ end }}

            """),
            ("layouts/_default/list.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            {{ .Content }}
            <ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }} — {{ . }}{{ end }}</li>{{ end }}</ul>
            {{ end }}

            """),
        ]
    }
}
