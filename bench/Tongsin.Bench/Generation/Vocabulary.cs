namespace Tongsin.Bench.Generation;

/// <summary>
/// The word stock of generated English articles: the set phrases of DPRK state media and enough
/// plain vocabulary around them that the full-text index sees a realistic number of distinct terms.
/// </summary>
internal static class Vocabulary
{
    public static readonly string[] Leaders =
    [
        "respected Comrade Kim Jong Un", "the respected Comrade Kim Jong Un", "Comrade Kim Jong Un, General Secretary of the Workers' Party of Korea",
        "Kim Jong Un, President of the State Affairs of the DPRK", "the great leader Comrade Kim Il Sung", "the great leader Comrade Kim Jong Il",
        "the peerlessly great men of Mt Paektu", "the Supreme Leader", "respected Comrade Kim Jong Un, chairman of the Central Military Commission",
    ];

    public static readonly string[] Party =
    [
        "the Workers' Party of Korea", "the WPK Central Committee", "the Political Bureau of the WPK Central Committee", "the Central Military Commission of the WPK",
        "the Presidium of the Supreme People's Assembly", "the Cabinet of the DPRK", "the State Affairs Commission", "the Eighth Congress of the WPK",
        "the Ninth Congress of the WPK", "the Secretariat of the WPK Central Committee", "the Korean People's Army", "the General Political Bureau of the KPA",
        "the Socialist Patriotic Youth League", "the General Federation of Trade Unions of Korea", "the Union of Agricultural Workers of Korea",
        "the Socialist Women's Union of Korea", "the Korean Children's Union", "the State Planning Commission", "the State Academy of Sciences",
        "the Ministry of Public Health", "the Ministry of Education", "the Ministry of External Economic Relations", "the Ministry of Culture",
    ];

    public static readonly string[] Enemies =
    [
        "the U.S. imperialists", "the U.S. and its vassal forces", "the south Korean puppet military gangsters", "the Japanese reactionaries",
        "the warmongers of the U.S.", "the hostile forces", "the puppet warmaniacs", "the U.S.-led aggression forces", "the NATO bloc",
        "the Yoon Suk Yeol puppet clique", "the Lee Jae Myung authorities", "the Kishida group", "the imperialist reactionaries",
        "the U.S. hegemonists", "the European vassals of the U.S.", "the Pentagon", "the U.S. State Department", "the UN Command in south Korea",
    ];

    public static readonly string[] Provinces =
    [
        "South Phyongan Province", "North Phyongan Province", "South Hwanghae Province", "North Hwanghae Province", "Kangwon Province",
        "South Hamgyong Province", "North Hamgyong Province", "Ryanggang Province", "Jagang Province", "Pyongyang", "Rason City", "Nampho City",
        "Kaesong City", "Sinuiju City", "Hamhung City", "Chongjin City", "Wonsan City", "Sariwon City", "Haeju City", "Hyesan City", "Kanggye City",
    ];

    public static readonly string[] PlaceSyllables =
    [
        "Ryong", "Song", "Kum", "Chon", "Man", "Pyong", "Hung", "Nam", "Puk", "Tae", "Dong", "Sin", "Un", "Hwa", "Myo", "Hyang", "Ok", "Ryu",
        "Sam", "Il", "Paek", "Tu", "Kap", "Ung", "Ki", "Yang", "Kang", "Jang", "Chang", "Hae", "Chol", "Kwang", "Mun", "Chung", "Yon", "Pong",
        "San", "Sang", "Ho", "Ha", "Gol", "Rak", "Won", "Mo", "Sok", "Kyong", "Ri", "Bong", "Do", "Jin", "Ju", "Chu", "Hol", "Mu", "Sa", "O",
        "Ryo", "Phung", "Chae", "Hyon", "Kye", "Ton", "Pho", "Ryon", "Sup", "Hak", "Yu", "Gum", "Bu", "Gang",
    ];

    public static readonly string[] FamilyNames = ["Kim", "Ri", "Pak", "Choe", "Jong", "Kang", "Jo", "Yun", "Han", "O", "Hong", "Ho", "Ryu", "Sin", "Jang", "Mun", "Paek", "Hwang", "Ju", "Son", "Yang", "Kye", "Rim", "Cha", "Thae"];

    public static readonly string[] GivenSyllables =
    [
        "Song", "Nam", "Chol", "Ho", "Yong", "Il", "Kwang", "Myong", "Hyok", "Su", "Gyong", "Jin", "Sun", "Hui", "Ok", "Thae", "Jong", "Chun",
        "Hak", "Mun", "Ryong", "Guk", "Sok", "Hyon", "Yon", "Gum", "Ung", "Dok", "Bong", "Chang", "Won", "Sam", "Kyu", "Pyong", "Jae", "Un", "Ae",
    ];

    public static readonly string[] Posts =
    [
        "member of the Presidium of the Political Bureau of the WPK Central Committee", "secretary of the WPK Central Committee", "premier of the Cabinet",
        "vice-premier of the Cabinet", "minister of Foreign Affairs", "vice-minister of Foreign Affairs", "director of a department of the WPK Central Committee",
        "chief secretary of the provincial party committee", "chairman of the provincial people's committee", "manager of the complex", "chief engineer",
        "president of the State Academy of Sciences", "director of the General Bureau", "Korean ambassador", "vice-chairman of the State Affairs Commission",
        "chief of the General Staff of the KPA", "minister of National Defence", "director of the Institute for American Studies", "spokesperson for the Foreign Ministry",
    ];

    public static readonly string[] Products =
    [
        "Steel", "Machine", "Fertilizer", "Chemical Fibre", "Cement", "Glass", "Tractor", "Electric Cable", "Textile", "Footwear", "Foodstuff", "Soy Sauce",
        "Bearing", "Vinalon", "Pharmaceutical", "Paper", "Silk", "Tile", "Truck", "Bus", "Locomotive", "Pump", "Motor", "Transformer", "Fishing Net",
        "Knitwear", "Cosmetics", "Furniture", "Rolling Stock", "Machine Tool", "Battery", "Bicycle", "Timber", "Coal", "Graphite", "Magnesia", "Zinc",
    ];

    public static readonly string[] Works = ["Factory", "Complex", "Mine", "Plant", "Works", "Company", "General Bureau", "Shipyard", "Smeltery", "Colliery"];

    public static readonly string[] Farms = ["Co-op Farm", "State Farm", "Fish Farm", "Stockbreeding Farm", "Orchard", "Mushroom Farm", "Greenhouse Farm", "Livestock Station"];

    public static readonly string[] Places =
    [
        "Kumsusan Palace of the Sun", "Mansudae Assembly Hall", "the April 25 House of Culture", "Kim Il Sung Square", "the Taedonggang Diplomatic Club",
        "the People's Palace of Culture", "the Grand People's Study House", "the Sci-Tech Complex", "Mangyongdae", "Mt Paektu", "Samjiyon City",
        "the Ryomyong Street", "the Hwasong District", "the Songhwa Street", "Kim Il Sung University", "Kim Chaek University of Technology",
        "the Moranbong Theatre", "the Pyongyang International Airport", "the Kalma Coastal Tourist Area", "the Chollima Steel Complex",
        "the Kim Chaek Iron and Steel Complex", "the Hungnam Fertilizer Complex", "the Namhung Youth Chemical Complex", "the Sunchon Phosphatic Fertilizer Factory",
        "the Tanchon Smeltery", "the Ryongsong Machine Complex", "the Rakwon Machine Complex", "the Pyongyang General Hospital", "the Okryu Children's Hospital",
    ];

    public static readonly string[] Countries =
    [
        "China", "Russia", "Viet Nam", "Laos", "Cuba", "Venezuela", "Nicaragua", "Syria", "Iran", "Belarus", "Mongolia", "Indonesia", "India", "Pakistan",
        "Egypt", "Algeria", "Nigeria", "Ethiopia", "Tanzania", "Zimbabwe", "Mozambique", "Angola", "Uganda", "Equatorial Guinea", "Guinea", "Mali", "Senegal",
        "Congo", "the Democratic Republic of the Congo", "Namibia", "South Africa", "Bangladesh", "Nepal", "Sri Lanka", "Myanmar", "Cambodia", "Thailand",
        "Malaysia", "Singapore", "the Philippines", "Kazakhstan", "Uzbekistan", "Kyrgyzstan", "Tajikistan", "Turkmenistan", "Azerbaijan", "Armenia",
        "Palestine", "Lebanon", "Yemen", "Iraq", "Kuwait", "Qatar", "Oman", "Sudan", "Libya", "Tunisia", "Morocco", "Brazil", "Bolivia", "Peru", "Mexico",
        "Argentina", "Chile", "Ecuador", "Colombia", "Dominica", "Grenada", "Guyana", "Suriname", "Serbia", "Bulgaria", "Romania", "Hungary", "Czech",
        "Poland", "Germany", "France", "Italy", "Spain", "Sweden", "Switzerland", "Austria", "Greenland", "Ukraine", "Israel", "Japan", "Australia",
    ];

    public static readonly string[] Occasions =
    [
        "the Day of the Sun", "the Day of the Shining Star", "the Day of Songun", "the Victory Day", "the Day of the Foundation of the Republic",
        "the Party Foundation Day", "the International Women's Day", "the May Day", "the Day of the Korean Children's Union", "the New Year",
        "the anniversary of the founding of the Korean People's Army", "the Day of Agricultural Workers", "the Day of Miners", "the Day of Teachers",
        "the anniversary of the liberation of Korea", "the Day of Struggle against U.S. Imperialism", "the Day of the Republic", "the National Day",
    ];

    public static readonly string[] Sectors =
    [
        "agriculture", "the metal industry", "the chemical industry", "the electric power industry", "the coal-mining industry", "the light industry",
        "the fishing industry", "public health", "education", "science and technology", "the building-materials industry", "the railway transport",
        "forestry", "land management", "the machine-building industry", "rural construction", "housing construction", "the information industry",
        "sports", "literature and arts", "environmental protection", "the regional development", "the ocean-going fishing", "the food industry",
    ];

    public static readonly string[] Adjectives =
    [
        "great", "revolutionary", "socialist", "heroic", "indomitable", "brilliant", "historic", "invincible", "independent", "self-reliant", "modern",
        "scientific", "large-scale", "rapid", "ardent", "unshakable", "glorious", "militant", "patriotic", "collective", "prosperous", "sacred", "new",
        "comprehensive", "decisive", "sweeping", "powerful", "reckless", "aggressive", "heinous", "shameless", "absurd", "provocative", "dangerous",
        "hostile", "criminal", "ferocious", "persistent", "vicious", "outrageous", "unprecedented", "remarkable", "substantial", "efficient", "cultured",
        "hygienic", "beautiful", "sturdy", "precious", "uniform", "fundamental", "practical", "advanced", "world-level", "nationwide", "year-round",
    ];

    public static readonly string[] Nouns =
    [
        "production", "construction", "innovation", "achievement", "campaign", "drive", "struggle", "offensive", "victory", "feat", "task", "policy",
        "line", "plan", "target", "quota", "output", "yield", "harvest", "seedbed", "fertilizer", "irrigation", "machinery", "equipment", "technology",
        "process", "renovation", "modernization", "automation", "computerization", "method", "system", "structure", "foundation", "capability", "deterrent",
        "defence", "sovereignty", "dignity", "security", "peace", "stability", "independence", "friendship", "solidarity", "cooperation", "exchange",
        "delegation", "ambassador", "embassy", "reception", "banquet", "performance", "exhibition", "lecture", "seminar", "symposium", "meeting", "rally",
        "report", "speech", "letter", "message", "greeting", "wreath", "basket", "floral", "statue", "mosaic", "monument", "museum", "library", "theatre",
        "hospital", "clinic", "school", "university", "kindergarten", "nursery", "apartment", "dwelling", "street", "bridge", "railway", "road", "tunnel",
        "reservoir", "dam", "power station", "waterway", "tideland", "orchard", "greenhouse", "barley", "wheat", "maize", "rice", "potato", "soybean",
        "vegetable", "fruit", "apple", "mushroom", "livestock", "poultry", "fish", "seaweed", "shellfish", "salt", "coal", "ore", "iron", "steel", "pig iron",
        "cement", "glass", "tile", "timber", "medicine", "vaccine", "epidemic", "prevention", "hygiene", "quarantine", "students", "teachers", "scientists",
        "technicians", "workers", "farmers", "soldiers", "officers", "officials", "youth", "women", "children", "veterans", "citizens", "people", "masses",
        "generation", "tradition", "history", "spirit", "will", "faith", "loyalty", "patriotism", "heroism", "devotion", "creativity", "wisdom",
        "sanctions", "provocation", "exercise", "drill", "missile", "warship", "bomber", "aircraft carrier", "submarine", "satellite", "rocket", "launch",
        "test", "weapon", "arms buildup", "alliance", "bloc", "crisis", "conflict", "confrontation", "tension", "escalation", "hegemony", "interference",
        "aggression", "invasion", "massacre", "atrocity", "genocide", "hypocrisy", "double standard", "pretext", "nuclear war", "catastrophe",
    ];

    public static readonly string[] VerbsPast =
    [
        "inspected", "visited", "congratulated", "praised", "stressed", "noted", "underscored", "called for", "set forth", "clarified", "defined",
        "reviewed", "analysed", "discussed", "adopted", "decided", "approved", "denounced", "condemned", "rejected", "warned", "exposed", "ridiculed",
        "accelerated", "completed", "finished", "overfulfilled", "increased", "boosted", "improved", "modernized", "renovated", "built", "erected",
        "launched", "opened", "held", "hosted", "attended", "received", "sent", "expressed", "extended", "conveyed", "laid", "paid", "toured", "watched",
        "developed", "introduced", "manufactured", "produced", "harvested", "transplanted", "planted", "dredged", "reclaimed", "restored", "supplied",
    ];

    public static readonly string[] Titles =
    [
        "{Leader} Inspects {Works}", "{Leader} Visits {Place}", "{Leader} Sends Greetings to {Post} of {Country}", "{Leader} Guides Test-fire of New-type {Weapon}",
        "{Leader} Congratulates {Group} of {Province}", "Enlarged Plenary Meeting of {Party} Held", "{Ordinal} Session of {Number}th SPA Opens",
        "Press Statement of {Post} of DPRK", "KCNA Commentary on {Enemy} {Noun}", "Reception Held at {Country} Embassy", "Delegation of {Country} Arrives",
        "{Works} Overfulfils Yearly Plan", "Construction of {Works} Finished", "New {Product} Developed in {Province}", "{Farm} Increases Output of {Crop}",
        "Rally Held in {Province} to Mark {Occasion}", "Floral Baskets Laid before Statues on {Occasion}", "Exhibition of {Product} Products Opens",
        "{Country} Party Leader Sends Message", "Crime of {Enemy} Denounced", "{Enemy} Will Pay Dearly for {Noun}", "Article of Ministry of Foreign Affairs",
        "Yearly Transformations of {Adjective} Countryside", "Towards {Adjective} {Noun}", "Root Cause of {Country} {Noun}", "Special Guests Invited to {City}",
        "Greetings to {Post} of {Country}", "Joint Statement of DPRK and {Country}", "Talks Held between DPRK and {Country} Delegations",
        "Seminar on {Sector} Held", "Scientists Make Headway in {Sector}", "Bumper Harvest in {Province}", "{Works} Introduces {Adjective} Technology",
        "Sports Contest for {Occasion} Ends", "{Product} Production Lines Modernized", "Voters' Lists Announced in {Province}", "Letter of Thanks to {Leader}",
    ];

    public static readonly string[] Weapons =
    [
        "Tactical Ballistic Missile", "Hypersonic Missile", "Cruise Missile", "Multiple Rocket Launcher", "Air Defence System", "Anti-Aircraft Missile",
        "Strategic Cruise Missile", "Solid-fuel ICBM", "Reconnaissance Satellite", "Underwater Nuclear Weapon System", "Destroyer", "Artillery Piece",
    ];

    public static readonly string[] Crops = ["Rice", "Maize", "Wheat", "Barley", "Potato", "Soybean", "Vegetables", "Apples", "Mushrooms", "Poultry", "Eggs", "Milk", "Fish"];

    public static readonly string[] Groups = ["Workers", "Farmers", "Builders", "Miners", "Scientists", "Teachers", "Youth Shock Brigade", "Soldier-builders", "Medical Workers", "Fishermen"];

    public static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>
    /// Sentence templates. Slots: {leader} {party} {enemy} {province} {place} {works} {farm} {person}
    /// {post} {country} {occasion} {sector} {adj} {adj2} {noun} {noun2} {verb} {n} {few} {pct} {year} {ord} {month} {day} {crop} {weapon}.
    /// </summary>
    public static readonly string[] Sentences =
    [
        "{leader} {verb} the {works} in {province} on {month} {day}.",
        "He was accompanied by {person}, {post}, and {person}, {post}.",
        "Looking round the {noun} and the {noun2} of the {works}, {leader} learned in detail about the {adj} {noun} there.",
        "He highly appreciated the officials and workers of the {works} for having carried out the {adj} {noun} in a short span of time.",
        "{leader} set forth tasks for putting the {noun} on a {adj} and {adj2} basis at an early date.",
        "The workers of the {works} overfulfilled their plan for {noun} by {pct} percent in {year}.",
        "The {farm} in {province} harvested {n} tons of {crop} per hectare, the highest in its history.",
        "Officials and workers in {province} wound up the construction of Unit {n} of the {works}.",
        "It is the {adj} will of the Korean people to carry out to the letter the decisions of {party}.",
        "The meeting reviewed the implementation of the {adj} tasks set forth at {party} and discussed the measures for {sector}.",
        "Speakers at the rally called on all the participants to register {adj} {noun} in {sector} with {adj2} spirit of self-reliance.",
        "The {adj} {noun} staged by {enemy} is an open challenge to the sovereignty and security of the DPRK.",
        "{enemy} should not forget that their {adj} {noun} will only bring about a {adj2} catastrophe.",
        "The DPRK will take all necessary measures to defend its sovereignty against the {adj} {noun} of {enemy}.",
        "The spokesperson said that the {noun} of {enemy} is a {adj} act that escalates tension on the Korean peninsula.",
        "A delegation of {country} led by {person} arrived in Pyongyang on {month} {day} by air.",
        "The ambassador of {country} hosted a reception at {place} on {month} {day} to mark {occasion}.",
        "Present there were {person}, {post}, officials concerned and members of the embassy of {country} in Pyongyang.",
        "In his speech, {person} said that the friendly relations between the DPRK and {country} are steadily developing in all fields.",
        "The two sides exchanged views on the issue of boosting {noun} and {noun2} between the two countries and other matters of mutual concern.",
        "{leader} sent a message of greeting to the President of {country} on the occasion of {occasion}.",
        "Floral baskets were laid before the statues of the great leaders on Mansu Hill on {occasion} by {n} people from all walks of life.",
        "The scientists and technicians of the {works} developed a new {noun} which increases the {noun2} by {pct} percent.",
        "The introduction of the {adj} method saves {n} tons of coal and {n2} kWh of electricity a year.",
        "The {ord} session of the {n}th Supreme People's Assembly will be held in Pyongyang on {month} {day}, {year}.",
        "Agricultural workers of {province} are completing the {noun} on {n} hectares of land with a {adj} spirit.",
        "The {farm} in {province} has built {n} dwelling houses for farmers in the last {few} years.",
        "This year the {works} has renovated {n} production lines and raised the {noun} to the {adj} level.",
        "An exhibition of {noun} opened at {place} on {month} {day}, displaying {n} items produced by {n2} units.",
        "On display are photos, historical documents and relics showing the {adj} exploits performed by {leader} for {sector}.",
        "Medical workers of {province} are stepping up the {noun} against the {noun2} under the nationwide emergency system.",
        "Teachers and students of {place} held a {noun} to mark {occasion}.",
        "The {adj} reality proves that {party} is the guide and organizer of all victories of the Korean revolution.",
        "{person}, {post}, made a report at the meeting, which was attended by {n} officials of {sector}.",
        "The report stressed the need to wage a {adj} campaign to implement the {ord} year tasks of the five-year plan.",
        "{enemy} has recently sent {n} {noun} to the waters off the Korean peninsula in a {adj} military drill.",
        "It is a {adj} act that pushes the situation to the brink of {noun}, said the commentary.",
        "The international community is watching with concern the {adj} {noun} of {enemy} in {country}.",
        "{country} is being turned into a {adj} theatre of {noun} because of the reckless policy of {enemy}.",
        "Nobody can deny the fact that {enemy} is the chief culprit of the {noun} in {country}.",
        "The Korean people will never pardon the {adj} crimes committed by {enemy} in the past {few} years.",
        "Service personnel of the Korean People's Army built {n} modern dwelling houses in {province} in only {few} days.",
        "The new {works} in {province} is capable of producing {n} tons of {noun} a year.",
        "Rural economy is undergoing a {adj} change thanks to the {adj2} policy of {party} for {sector}.",
        "In {year} alone, {n} rural houses were built in {n2} cities and counties across the country.",
        "Pupils of the {place} gave a performance of songs and dances, which was watched by {n} spectators.",
        "The game ended {few}:{few} in favour of the team of {province}.",
        "{person}, a {noun} of the {works}, has been awarded the title of Labour Hero for {few} years of devoted service.",
        "According to the data released on {month} {day}, the output of {crop} rose {pct} percent over the same period of last year.",
        "The DPRK Foreign Ministry spokesperson answered a question raised by KCNA on {month} {day} as regards the {noun} of {enemy}.",
        "Scientists of the State Academy of Sciences completed {n} research projects in {sector} last year, {n2} of which were introduced into production.",
        "The {adj} {noun} in the {works} was completed {few} days ahead of schedule.",
        "Everyone in the {province} is now making {adj} efforts to bring about a new upsurge in {sector}.",
        "Greeting the {ord} anniversary of {occasion}, the workers of {province} performed {adj} feats in {noun}.",
        "The {noun} of the {works} is now {pct} percent higher than the designed capacity, it was reported.",
        "The {country} newspaper carried an article praising the {adj} achievements made by the DPRK in {sector}.",
    ];
}
