"""The world's states: name, demonyms and seat of government, for roles ("Ambassador of Hungary") and metonymy
("Budapest insists ..."). General knowledge only, nothing about any one article.

Names that are also common words, given names or places elsewhere are left out on purpose (the capitals "Male",
"Sofia", "Colombo", "Wellington"; the state "Georgia", also a US state; "Jordan" and "Chad", also given names):
their demonyms still count.
"""

from __future__ import annotations

# country | demonyms and other names (comma-separated) | seats of government (comma-separated)
_TABLE = """
Afghanistan|afghan|kabul
Albania|albanian|tirana
Algeria|algerian|algiers
Angola|angolan|luanda
Argentina|argentine,argentinian|buenos aires
Armenia|armenian|yerevan
Australia|australian|canberra
Austria|austrian|vienna
Azerbaijan|azerbaijani|baku
Bahrain|bahraini|manama
Bangladesh|bangladeshi|dhaka
Belarus|belarusian|minsk
Belgium|belgian|
Bolivia|bolivian|la paz
Bosnia and Herzegovina|bosnian|sarajevo
Botswana|botswanan|gaborone
Brazil|brazilian|brasilia,brasília
Bulgaria|bulgarian|
Burkina Faso|burkinabe|ouagadougou
Cambodia|cambodian|phnom penh
Cameroon|cameroonian|yaounde
Canada|canadian|ottawa
Chad|chadian|n'djamena
Chile|chilean|
China|chinese,prc|beijing
Colombia|colombian|bogota,bogotá
Congo|congolese|kinshasa,brazzaville
Croatia|croatian|zagreb
Cuba|cuban|havana
Cyprus|cypriot|nicosia
Czech Republic|czech,czechia|prague
Denmark|danish|copenhagen
Ecuador|ecuadorian|quito
Egypt|egyptian|cairo
Estonia|estonian|tallinn
Ethiopia|ethiopian|addis ababa
European Union|european,eu|brussels
Finland|finnish|helsinki
France|french|paris
Georgia|georgian|tbilisi
Germany|german|berlin
Ghana|ghanaian|accra
Greece|greek|athens
Hungary|hungarian|budapest
Iceland|icelandic|reykjavik
India|indian|new delhi,delhi
Indonesia|indonesian|jakarta
Iran|iranian|tehran
Iraq|iraqi|baghdad
Ireland|irish|dublin
Israel|israeli|jerusalem
Italy|italian|rome
Japan|japanese|tokyo
Jordan|jordanian|amman
Kazakhstan|kazakh,kazakhstani|astana
Kenya|kenyan|nairobi
Kosovo|kosovar|pristina
Kuwait|kuwaiti|
Kyrgyzstan|kyrgyz|bishkek
Laos|laotian,lao|vientiane
Latvia|latvian|riga
Lebanon|lebanese|beirut
Libya|libyan|tripoli
Lithuania|lithuanian|vilnius
Luxembourg|luxembourgish|
Malaysia|malaysian|kuala lumpur
Mali|malian|bamako
Mexico|mexican|mexico city
Moldova|moldovan|chisinau
Mongolia|mongolian|ulaanbaatar
Montenegro|montenegrin|podgorica
Morocco|moroccan|rabat
Myanmar|myanmar,burmese|naypyidaw
Nepal|nepali,nepalese|kathmandu
Netherlands|dutch|amsterdam,the hague
New Zealand|new zealander|
Nicaragua|nicaraguan|managua
Niger|nigerien|niamey
Nigeria|nigerian|abuja
North Korea|north korean,dprk|pyongyang
North Macedonia|macedonian|skopje
Norway|norwegian|oslo
Oman|omani|muscat
Pakistan|pakistani|islamabad
Palestine|palestinian|ramallah
Panama|panamanian|
Peru|peruvian|
Philippines|filipino,philippine|manila
Poland|polish|warsaw
Portugal|portuguese|lisbon
Qatar|qatari|doha
Romania|romanian|bucharest
Russia|russian,russian federation,rf|moscow
Rwanda|rwandan|kigali
Saudi Arabia|saudi|riyadh
Senegal|senegalese|dakar
Serbia|serbian|belgrade
Singapore|singaporean|
Slovakia|slovak,slovakian|bratislava
Slovenia|slovenian,slovene|ljubljana
Somalia|somali|mogadishu
South Africa|south african|pretoria
South Korea|south korean,korean,korea|seoul
Spain|spanish|madrid
Sri Lanka|sri lankan|
Sudan|sudanese|khartoum
Sweden|swedish|stockholm
Switzerland|swiss|bern
Syria|syrian|damascus
Taiwan|taiwanese|taipei
Tajikistan|tajik|dushanbe
Tanzania|tanzanian|dodoma
Thailand|thai|bangkok
Tunisia|tunisian|tunis
Turkey|turkish,turkiye,türkiye|ankara
Turkmenistan|turkmen|ashgabat
Uganda|ugandan|kampala
Ukraine|ukrainian|kyiv,kiev
United Arab Emirates|emirati,uae|abu dhabi
United Kingdom|british,uk,britain,great britain|london
United States|american,us,u.s.,usa,america|washington
Uruguay|uruguayan|montevideo
Uzbekistan|uzbek|tashkent
Venezuela|venezuelan|caracas
Vietnam|vietnamese|hanoi
Yemen|yemeni|sanaa
Zambia|zambian|lusaka
Zimbabwe|zimbabwean|harare
"""

# Country names that are also common words, given names or other places: only their demonyms count.
_AMBIGUOUS_NAMES = frozenset({"georgia", "jordan", "chad", "niger"})


def _build() -> tuple[dict[str, str], dict[str, str]]:
    names: dict[str, str] = {}
    seats: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        country, others, capitals = line.split("|")
        keys = [] if country.lower() in _AMBIGUOUS_NAMES else [country.lower()]
        for key in [*keys, *others.split(",")]:
            if key:
                names.setdefault(key, country)
        for key in capitals.split(","):
            if key:
                seats.setdefault(key, country)
    return names, seats


COUNTRY_NAMES, CAPITALS = _build()
