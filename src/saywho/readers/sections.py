"""What news sites call their sections: rubric names, and the root crumbs of a breadcrumb path that name none.

Shared by the readers of an article's head (layout, head block, mastheads), which must tell a rubric from a title
or from the site's own name.
"""

from __future__ import annotations

from ..speakers.world import COUNTRY_NAMES

# Rubrics that news sites print above or below the title. General knowledge of how sections are called, in the
# languages saywho reads; a name outside the table is still read from breadcrumbs and "Site | Section" lines.
SECTION_NAMES = frozenset(
    s.casefold()
    for s in (
        "World", "World news", "International", "Domestic", "National", "Local", "Economic", "Regional news",
        "Politics", "Economy", "Business", "Finance", "Markets",
        "Sport", "Sports", "Society", "Culture", "Science", "Technology", "Tech", "Science & Technology",
        "Opinion", "Opinions", "Regions", "Incidents", "Health", "Environment", "Education", "Defense",
        "Defence", "Europe", "Asia", "Africa", "Americas", "Middle East", "Russia", "Lifestyle", "Life",
        "Analysis", "Interview", "Commentary", "Editorial", "Exclusive", "Explainer", "Feature", "Features",
        "Мир", "В мире", "Политика", "Экономика", "Бизнес", "Общество", "Культура", "Наука", "Спорт",
        "Происшествия", "Регионы", "Финансы", "Технологии", "Наука и техника", "Армия", "Здоровье",
        "Образование", "Мнения", "Россия", "В России", "Экономика и бизнес", "Недвижимость", "Авто",
        "Welt", "Politik", "Wirtschaft", "Kultur", "Wissenschaft", "Gesellschaft", "Ausland", "Inland",
        "Monde", "Politique", "Économie", "Société", "Sciences", "Planète",
        "Mundo", "Internacional", "Política", "Economía", "Sociedad", "Cultura", "Ciencia", "Deportes",
    )
)  # fmt: skip

# Root crumbs that name no section: the site's front page or the list of all articles.
GENERIC_CRUMBS = frozenset(
    s.casefold()
    for s in (
        "Home", "Homepage", "Home page", "Main", "Main page", "Start", "News", "Latest news", "Articles",
        "All articles", "Top stories", "Главная", "Главная страница", "Новости", "Статьи", "Все новости",
        "Головна", "Новини", "Статті", "Startseite", "Nachrichten", "Artikel", "Accueil", "Actualités",
        "Articles", "Inicio", "Portada", "Noticias", "Artículos", "Notizie", "Articoli",
    )
)  # fmt: skip


def is_section_name(text: str) -> bool:
    # A country's name alone is a rubric too ("Turkey", "Україна" aside): sites file news by country.
    return text.casefold() in SECTION_NAMES or (text[:1].isupper() and text.casefold() in COUNTRY_NAMES)
