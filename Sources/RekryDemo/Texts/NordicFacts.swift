extension DemoTexts {
    /// Where a person lives and works; "XX" is someone from abroad living in Sweden.
    enum Country: Int, Sendable {
        case se, no, dk, fi, xx

        init(code: String) {
            switch code {
            case "NO": self = .no
            case "DK": self = .dk
            case "FI": self = .fi
            case "SE": self = .se
            default: self = .xx
            }
        }

        /// The country's English name; empty for "XX", whose town alone is named.
        var name: String {
            switch self {
            case .se: "Sweden"
            case .no: "Norway"
            case .dk: "Denmark"
            case .fi: "Finland"
            case .xx: ""
            }
        }
        var currency: String {
            switch self {
            case .se, .xx: "SEK"
            case .no: "NOK"
            case .dk: "DKK"
            case .fi: "EUR"
            }
        }
        /// Monthly salary range, in `salaryUnit`s.
        var salaryRange: ClosedRange<Int> {
            switch self {
            case .se: 32...88
            case .no: 45...110
            case .dk: 32...78
            case .fi: 32...78
            case .xx: 30...80
            }
        }
        var salaryUnit: Int { self == .fi ? 100 : 1000 }
        /// Where work happens: people from abroad live and work in Sweden.
        var home: Country { self == .xx ? .se : self }
    }

    /// Universities by the kind of programme they are known for.
    enum School: Int, Sendable {
        case tech, business, health, teaching, design

        init(_ f: Field) {
            switch f {
            case .tech, .data, .engineering: self = .tech
            case .health: self = .health
            case .education: self = .teaching
            case .design: self = .design
            default: self = .business
            }
        }
    }

    /// What an employer is: the history of a nurse is in hospitals, of a teacher in schools.
    enum EmployerKind: Int, Sendable {
        case corporate, tech, finance, engineering, publicSector, health, education, logistics

        static func primary(_ f: Field) -> EmployerKind {
            switch f {
            case .tech, .data, .design: .tech
            case .finance: .finance
            case .engineering: .engineering
            case .health: .health
            case .education: .education
            case .logistics: .logistics
            case .people, .project, .general: .publicSector
            case .sales, .management: .corporate
            }
        }
    }

    enum Facts {
        static func towns(_ c: Country) -> [String] { towns[c.rawValue] }
        static func employers(_ c: Country, _ k: EmployerKind) -> [String] { employers[c.home.rawValue][k.rawValue] }
        static func universities(_ c: Country, _ s: School) -> [String] { universities[c.rawValue][s.rawValue] }

        static let towns: [[String]] = [
            ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping", "Umeå", "Luleå",
             "Jönköping", "Lund", "Norrköping", "Helsingborg", "Sundsvall", "Karlstad", "Gävle", "Växjö", "Kiruna"],
            ["Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Bodø", "Kristiansand", "Drammen", "Fredrikstad",
             "Ålesund", "Sandnes", "Hamar", "Lillehammer", "Haugesund"],
            ["København", "Aarhus", "Odense", "Aalborg", "Esbjerg", "Roskilde", "Vejle", "Kolding"],
            ["Helsinki", "Espoo", "Tampere", "Åbo", "Oulu", "Vaasa", "Jyväskylä", "Lahti"],
            ["Berlin", "Warsaw", "London", "Amsterdam", "Barcelona", "Kraków", "Dublin", "Riga", "Tallinn", "Lisbon",
             "Milan", "Istanbul", "Toronto", "Bangalore"],
        ]

        /// [country][kind]; "XX" uses Sweden's list. "Name|Town" is an employer in one town (the job is
        /// there); "@municipality" is the municipality of the job's town.
        static let employers: [[[String]]] = [
            [   // Sweden
                ["Volvo Group", "Scania", "ABB", "Electrolux", "SKF", "Essity", "Assa Abloy", "Alfa Laval", "Husqvarna",
                 "ICA Gruppen", "Axfood", "Vattenfall", "Telia Company", "Tele2", "Saab", "Bonnier", "Securitas"],
                ["Ericsson", "Spotify", "Klarna", "King", "Sinch", "Tietoevry", "Knowit", "Netlight", "Capgemini",
                 "Accenture", "CGI", "Truecaller", "Mojang Studios", "Epidemic Sound", "Bokio", "Fortnox", "Visma"],
                ["Nordea", "Handelsbanken", "SEB", "Swedbank", "Folksam", "Länsförsäkringar", "PwC", "KPMG", "EY",
                 "Deloitte", "Grant Thornton", "BDO", "Skandia", "Avanza", "Ikano Bank"],
                ["Skanska", "NCC", "Peab", "Sweco", "WSP", "AFRY", "Ramboll", "Tyréns", "JM", "Vattenfall", "Hitachi Energy",
                 "Trafikverket", "Veidekke Sverige", "Norconsult"],
                ["Skatteverket", "Försäkringskassan", "Arbetsförmedlingen", "Region Stockholm|Stockholm",
                 "Göteborgs Stad|Göteborg", "Malmö stad|Malmö", "@municipality", "@municipality", "Trafikverket",
                 "Lantmäteriet", "Migrationsverket", "Polisen", "Västra Götalandsregionen|Göteborg"],
                ["Karolinska University Hospital|Stockholm", "Sahlgrenska University Hospital|Göteborg",
                 "Skåne University Hospital|Malmö", "Akademiska sjukhuset|Uppsala", "Danderyd Hospital|Stockholm",
                 "Capio", "Aleris", "Norrlands universitetssjukhus|Umeå", "Region Uppsala|Uppsala", "Region Skåne|Malmö",
                 "@municipality, home care", "Södersjukhuset|Stockholm", "Sunderby Hospital|Luleå"],
                ["Stockholms stad|Stockholm", "Göteborgs Stad|Göteborg", "Malmö stad|Malmö", "AcadeMedia",
                 "Internationella Engelska Skolan", "Kunskapsskolan", "@municipality", "@municipality", "Thoren Framtid",
                 "Folkuniversitetet"],
                ["PostNord", "DB Schenker", "DSV", "Bring", "Ikea Supply", "Apotea", "Boozt", "Clas Ohlson", "Ahlsell",
                 "Dagab", "Green Cargo", "Stena Line"],
            ],
            [   // Norway
                ["Equinor", "Norsk Hydro", "Orkla", "Yara", "Telenor", "Schibsted", "Aker BP", "Statkraft", "Posten Norge",
                 "Norwegian Air Shuttle", "Kongsberg Gruppen", "Mowi", "Reitan Retail", "Tine", "Vy"],
                ["Bouvet", "Sopra Steria", "Kahoot!", "Vipps MobilePay", "Finn.no", "Visma", "Tripletex", "Cognite",
                 "Miles", "Knowit", "Crayon", "Atea", "Kongsberg Digital", "Evry"],
                ["DNB", "SpareBank 1", "Storebrand", "Gjensidige", "KLP", "PwC", "KPMG", "EY", "Deloitte", "BDO",
                 "Sbanken", "Nordea Norge"],
                ["Multiconsult", "Norconsult", "COWI", "Veidekke", "AF Gruppen", "Aker Solutions", "Statnett", "Skanska Norge",
                 "Statens vegvesen", "Bane NOR", "Rambøll Norge", "Kongsberg Maritime"],
                ["NAV", "Skatteetaten", "Oslo kommune|Oslo", "Bergen kommune|Bergen", "Trondheim kommune|Trondheim",
                 "Statens vegvesen", "Helsedirektoratet", "Politiet", "Lånekassen", "@municipality"],
                ["Oslo University Hospital|Oslo", "Haukeland University Hospital|Bergen", "St. Olavs Hospital|Trondheim",
                 "University Hospital of North Norway|Tromsø", "Akershus University Hospital|Oslo",
                 "Stavanger University Hospital|Stavanger", "Lovisenberg Diakonale Sykehus|Oslo",
                 "@municipality, home care", "Nordland Hospital|Bodø", "Aleris Norge"],
                ["Oslo kommune|Oslo", "Bergen kommune|Bergen", "Trondheim kommune|Trondheim", "Stavanger kommune|Stavanger",
                 "Akershus fylkeskommune|Oslo", "Vestland fylkeskommune|Bergen", "Kristiania", "@municipality",
                 "@municipality"],
                ["Posten Bring", "Schenker Norge", "ASKO", "Norgesgruppen", "Elkjøp", "Komplett", "Tollpost", "Havila",
                 "Color Line", "Kuehne+Nagel Norge"],
            ],
            [   // Denmark
                ["Carlsberg", "LEGO", "Vestas", "Ørsted", "Novozymes", "Coloplast", "Pandora", "Danfoss", "Grundfos",
                 "Arla Foods", "Maersk", "ISS", "Salling Group", "Novo Nordisk"],
                ["Netcompany", "Trustpilot", "Unity", "Zendesk", "Systematic", "KMD", "Milestone Systems", "Templafy",
                 "Pleo", "Too Good To Go"],
                ["Danske Bank", "Jyske Bank", "Nykredit", "Tryg", "Topdanmark", "PwC Danmark", "Deloitte Danmark",
                 "EY Danmark", "KPMG Danmark", "Sydbank"],
                ["COWI", "Ramboll", "NIRAS", "MT Højgaard", "Per Aarsleff", "Sweco Danmark", "Energinet", "FLSmidth"],
                ["Københavns Kommune|København", "Aarhus Kommune|Aarhus", "Skattestyrelsen", "Region Hovedstaden|København",
                 "Region Midtjylland|Aarhus", "@municipality", "Vejdirektoratet"],
                ["Rigshospitalet|København", "Aarhus University Hospital|Aarhus", "Odense University Hospital|Odense",
                 "Bispebjerg Hospital|København", "Aalborg University Hospital|Aalborg", "Herlev Hospital|København",
                 "@municipality, home care"],
                ["Københavns Kommune|København", "Aarhus Kommune|Aarhus", "Odense Kommune|Odense", "@municipality",
                 "@municipality", "Niels Brock|København"],
                ["DSV", "DFDS", "Maersk", "PostNord Danmark", "Dansk Supermarked", "Bestseller"],
            ],
            [   // Finland
                ["Wärtsilä", "UPM", "Stora Enso", "Neste", "Fortum", "KONE", "Valmet", "Kesko", "Finnair", "Fazer",
                 "Metso", "Orion"],
                ["Nokia", "Supercell", "Rovio", "Elisa", "Reaktor", "Futurice", "Wolt", "Tietoevry", "Vincit",
                 "Relex Solutions"],
                ["OP Financial Group", "Nordea Finland", "Aktia", "S-Bank", "PwC Finland", "KPMG Oy", "EY Finland",
                 "Deloitte Finland", "Varma", "Ilmarinen"],
                ["Afry Finland", "Sweco Finland", "Ramboll Finland", "YIT", "SRV", "Fingrid", "Destia", "ABB Finland"],
                ["City of Helsinki|Helsinki", "City of Tampere|Tampere", "Finnish Tax Administration", "Kela",
                 "Finnish Transport Infrastructure Agency", "@municipality"],
                ["Helsinki University Hospital (HUS)|Helsinki", "Tampere University Hospital|Tampere",
                 "Turku University Hospital|Åbo", "Mehiläinen", "Terveystalo", "Oulu University Hospital|Oulu",
                 "@municipality, home care"],
                ["City of Helsinki|Helsinki", "City of Espoo|Espoo", "City of Tampere|Tampere", "@municipality",
                 "@municipality", "Arcada University of Applied Sciences|Helsinki"],
                ["Posti", "Kesko Logistics", "Tokmanni", "Verkkokauppa.com", "Finnlines", "VR Group"],
            ],
        ]

        /// [country][school]
        static let universities: [[[String]]] = [
            [   // Sweden
                ["KTH Royal Institute of Technology", "Chalmers University of Technology", "Linköping University",
                 "Lund University (LTH)", "Uppsala University", "Luleå University of Technology", "Umeå University",
                 "Mälardalen University", "Blekinge Institute of Technology", "Karlstad University", "Stockholm University"],
                ["Stockholm School of Economics", "Lund University School of Economics and Management", "Uppsala University",
                 "School of Business, Economics and Law, University of Gothenburg", "Jönköping International Business School",
                 "Stockholm University", "Linköping University", "Umeå University", "Örebro University", "Lund University"],
                ["Karolinska Institutet", "Sahlgrenska Academy, University of Gothenburg", "Lund University",
                 "Uppsala University", "Umeå University", "Linköping University", "Sophiahemmet University",
                 "Red Cross University College", "Örebro University", "Luleå University of Technology"],
                ["Stockholm University", "University of Gothenburg", "Malmö University", "Uppsala University",
                 "Umeå University", "Linköping University", "Karlstad University", "Örebro University", "Lund University"],
                ["Konstfack University of Arts, Crafts and Design", "Umeå Institute of Design", "Beckmans College of Design",
                 "Chalmers University of Technology", "Linköping University", "Malmö University",
                 "KTH Royal Institute of Technology", "Hyper Island", "Södertörn University"],
            ],
            [   // Norway
                ["NTNU (Norwegian University of Science and Technology)", "University of Oslo", "University of Bergen",
                 "University of Stavanger", "UiT The Arctic University of Norway", "OsloMet – Oslo Metropolitan University",
                 "University of South-Eastern Norway", "Western Norway University of Applied Sciences", "University of Agder"],
                ["BI Norwegian Business School", "NHH Norwegian School of Economics", "University of Oslo",
                 "NTNU Business School", "University of Agder", "Nord University", "University of Stavanger Business School",
                 "BI Norwegian Business School, Bergen"],
                ["OsloMet – Oslo Metropolitan University", "University of Bergen", "NTNU", "VID Specialized University",
                 "Lovisenberg Diaconal University College", "UiT The Arctic University of Norway", "University of Oslo",
                 "Western Norway University of Applied Sciences"],
                ["OsloMet – Oslo Metropolitan University", "NTNU", "University of Oslo",
                 "Western Norway University of Applied Sciences", "University of Agder", "Nord University",
                 "UiT The Arctic University of Norway", "Inland Norway University of Applied Sciences"],
                ["Oslo School of Architecture and Design (AHO)", "NTNU", "Kristiania University College",
                 "University of Bergen, Faculty of Fine Art, Music and Design", "OsloMet – Oslo Metropolitan University",
                 "Westerdals Oslo School of Arts, Communication and Technology"],
            ],
            [   // Denmark
                ["DTU – Technical University of Denmark", "University of Copenhagen", "Aarhus University",
                 "Aalborg University", "IT University of Copenhagen", "University of Southern Denmark"],
                ["Copenhagen Business School", "Aarhus BSS, Aarhus University", "University of Copenhagen",
                 "Aalborg University", "University of Southern Denmark"],
                ["University of Copenhagen", "Aarhus University", "University College Copenhagen", "VIA University College",
                 "University of Southern Denmark", "UC Syd"],
                ["University College Copenhagen", "VIA University College", "Aarhus University", "UCL University College",
                 "University College Absalon"],
                ["Royal Danish Academy", "Design School Kolding", "IT University of Copenhagen",
                 "DTU – Technical University of Denmark", "Aalborg University"],
            ],
            [   // Finland
                ["Aalto University", "University of Helsinki", "Tampere University", "University of Oulu", "LUT University",
                 "Åbo Akademi University", "University of Turku"],
                ["Hanken School of Economics", "Aalto University School of Business", "University of Helsinki",
                 "Tampere University", "University of Turku", "Åbo Akademi University", "University of Vaasa"],
                ["University of Helsinki", "Tampere University", "University of Turku",
                 "Novia University of Applied Sciences", "Metropolia University of Applied Sciences",
                 "Arcada University of Applied Sciences", "University of Eastern Finland"],
                ["University of Helsinki", "University of Jyväskylä", "Åbo Akademi University", "University of Turku",
                 "Tampere University", "University of Oulu"],
                ["Aalto University School of Arts, Design and Architecture", "Lahti Institute of Design",
                 "Metropolia University of Applied Sciences", "University of Lapland"],
            ],
            [   // Abroad
                ["TU Delft", "ETH Zürich", "Warsaw University of Technology", "Technical University of Munich",
                 "Politecnico di Milano", "Indian Institute of Technology Bombay", "University of Tehran",
                 "Igor Sikorsky Kyiv Polytechnic Institute", "Istanbul Technical University", "University of Porto"],
                ["University of Amsterdam", "SGH Warsaw School of Economics", "Bocconi University", "University of Edinburgh",
                 "Erasmus University Rotterdam", "University of Manchester", "ESADE Business School",
                 "University of Tartu", "University College Dublin"],
                ["Jagiellonian University", "University of Edinburgh", "Charité – Universitätsmedizin Berlin",
                 "University of Barcelona", "Makerere University", "University of the Philippines Manila",
                 "Riga Stradiņš University"],
                ["University of Warsaw", "University of Edinburgh", "Complutense University of Madrid",
                 "University of Bologna", "University of Toronto", "Humboldt University of Berlin"],
                ["Royal College of Art", "Design Academy Eindhoven", "Politecnico di Milano", "Bauhaus-Universität Weimar",
                 "Central Saint Martins", "Estonian Academy of Arts"],
            ],
        ]

        /// The upper secondary school, described the way each country names it.
        static let upperSecondary: [[String]] = [
            ["Upper secondary school (gymnasium), Natural Science Programme",
             "Upper secondary school (gymnasium), Technology Programme",
             "Upper secondary school (gymnasium), Social Science Programme",
             "Upper secondary school (gymnasium), Business Management and Economics Programme",
             "Upper secondary school (gymnasium), Humanities Programme",
             "Upper secondary school (gymnasium), Health and Social Care Programme"],
            ["Upper secondary school (videregående skole), general studies",
             "Upper secondary school (videregående skole), science and mathematics",
             "Upper secondary school (videregående skole), technical and industrial production",
             "Upper secondary school (videregående skole), health and youth development",
             "Upper secondary school (videregående skole), sports and physical education"],
            ["Upper secondary school (STX)", "Higher commercial examination (HHX)", "Higher technical examination (HTX)",
             "Higher preparatory examination (HF)"],
            ["Upper secondary school (lukio), matriculation examination",
             "Upper secondary school (gymnasium), matriculation examination",
             "Vocational upper secondary qualification"],
            ["Secondary school diploma", "International Baccalaureate (IB) diploma", "A levels",
             "Abitur", "Matura", "High school diploma"],
        ]

        static let exchange = [
            "National University of Singapore", "University of California, Berkeley", "University of Melbourne",
            "Technical University of Munich", "Sciences Po, Paris", "University of Edinburgh", "Keio University, Tokyo",
            "University of British Columbia", "ETH Zürich", "Universidad de Buenos Aires", "Seoul National University",
            "University of Cape Town", "Bocconi University", "University of Queensland",
        ]

        /// Native languages for people from abroad.
        static let foreignLanguages = [
            "Polish", "German", "Spanish", "Arabic", "Persian", "Ukrainian", "Hindi", "Italian", "Dutch", "Turkish",
            "Portuguese", "Russian", "Tigrinya", "Somali", "French", "Greek", "Lithuanian", "Tamil",
        ]
        static let secondLanguages = ["German", "French", "Spanish", "Italian", "Russian", "Japanese", "Chinese (Mandarin)",
                                      "Arabic", "Polish", "Portuguese"]

        static let colleagues = [
            "Anna", "Erik", "Maria", "Johan", "Karin", "Lars", "Ingrid", "Ola", "Kari", "Henrik", "Sofie", "Mikkel",
            "Jukka", "Aino", "Mats", "Lena", "Nils", "Sara", "Tobias", "Hanna", "Per", "Marit", "Jonas", "Elin",
        ]
        static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
        static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    }
}
