/// What Hugo needs to build the same content: a config and two sets of small layouts.
///
/// - `layouts/` (the default, what `hugo --source SITE` uses) is the comparable one: every page
///   carries its section's page list, as Almanac's sidebar does, besides the title, the tags and
///   the content. Listing pages the whole section's titles with their descriptions.
/// - `layouts-light/` (`hugo --source SITE --layoutDir layouts-light`) is the same without the
///   navigation list: a page costs Hugo only its own content, so it shows the floor of Hugo's time.
enum HugoFiles {
    static let layoutSets = ["layouts", "layouts-light"]

    static func files(pages: Int) -> [(path: String, text: String)] {
        [("hugo.toml", """
            # Written by almanac-corpus (\(pages) pages) so Hugo can build the same site for comparison.
            # layouts/ puts the section's page list on every page, as Almanac's sidebar does;
            # `--layoutDir layouts-light` builds the same pages without it.
            baseURL = "https://example.org/"
            languageCode = "ru"
            defaultContentLanguage = "ru"
            title = "Синтетическая база знаний"

            [markup.goldmark.renderer]
            unsafe = false

            """)]
            + layouts(folder: "layouts", navigation: """
                <nav>{{ with .CurrentSection }}<p><a href="{{ .RelPermalink }}">{{ .Title }}</a></p>
                <ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}</nav>

                """)
            + layouts(folder: "layouts-light", navigation: "")
    }

    /// baseof, single and list; `navigation` goes between the header and the main content.
    private static func layouts(folder: String, navigation: String) -> [(path: String, text: String)] {
        [
            ("\(folder)/_default/baseof.html", """
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
            \(navigation)<main data-pagefind-body>{{ block "main" . }}{{ end }}</main>
            </body>
            </html>

            """),
            ("\(folder)/_default/single.html", """
            {{ define "main" }}<article>
            <h1>{{ .Title }}</h1>
            {{ with .Params.tags }}<ul class="tags">{{ range . }}<li><a href="{{ "tags/" | relURL }}{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul>{{ end }}
            {{ .Content }}
            </article>{{ end }}

            """),
            ("\(folder)/_default/list.html", """
            {{ define "main" }}<h1>{{ .Title }}</h1>
            {{ .Content }}
            <ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ with .Description }} — {{ . }}{{ end }}</li>{{ end }}</ul>
            {{ end }}

            """),
        ]
    }
}
