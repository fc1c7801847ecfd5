"""The source lexicon: the words that say who says so, as data.

``attribution`` reads reporting constructions with these lists and ``speakers`` uses them
to tell a person ("he", "she") from a body or a document ("it"). English only; each list
is a plain string of words, easy to extend.
"""

from __future__ import annotations

from assistant.extract.offline.lexicon import words

# ----------------------------------------------------------------------------- verbs

REPORTING_VERBS = words("""
    said says say told tells claimed claims reported reports estimated estimates
    announced announces confirmed confirms stated states added adds warned warns noted
    notes wrote writes tweeted insisted insists explained acknowledged acknowledges
    predicted forecast alleged alleges called described recorded measured
    suggested suggests testified testifies accused accuses believes believe believed
    maintained maintains denied denies admitted admits revealed reveals touts touted
    elaborated argued argues recalled recalls asserted asserts contended contends
    disclosed indicated indicates indicate show shows showed agreed charged guessed
    conceded complained countered identified posted reads asked questioned wondered allege
    expressed
    charges credits credited valued thought
    answered answers replied replies responded responds quipped charge reminded reminds
    found finds
    """)
# Verbs that are just as often nouns or adjectives ("insurance claims rose", "the alleged
# shooter"): they must be followed by what a verb reports, and their source must look
# like one (a capital, a determiner or a generic source word).
# So are measuring verbs ("the highest level ever recorded"): the observatory that
# "recorded a peak of 5.82 metres" is the source of the figure.
AMBIGUOUS_VERBS = words("""
    claims reports estimates states notes posts adds forecast alleges recorded measured
    alleged posted indicated indicates indicate suggests accused allege charges credits
    credited
    """)
# Verbs that report only with a clause after them: "agreed that", not "agreed to".
THAT_VERBS = words("agreed charged charge guessed conceded complained countered thought")
# Verbs that also report when they close the sentence after a comma: "..., prosecutors
# charge." (never "they agreed." or "in charge.").
CLOSING_THAT_VERBS = words("charge charged")
# Verbs that answer: they report only before a quotation, a colon, "that" or a comma,
# at the end of the sentence or after what they report ('she answered, "Yes."',
# '"No," he replied.'); "answered the phone" reports nothing.
REPLY_VERBS = words("answered answers replied replies responded responds quipped")
# Verbs that report a question: "asked why", "questioned whether".
QUESTION_VERBS = words("asked questioned wondered")
# Verbs whose source is evidence, not a speaker: "records show", "photos show".
# So are "found" and "finds": "A study by Lund University found that", "the poll found"
# (never "police found 40 bodies": a finder is no document).
EVIDENCE_VERBS = words("show shows showed reads charges found finds")
# Verbs that may follow what was said: '"...," said the ministry', '..., added Jane Doe'.
INVERTIBLE_VERBS = words("""
    said says say added adds wrote writes noted notes explained asked replied continued
    recalled reported
    """)
# Participles that hang a statement on the subject of their clause: "Mr Doe denied it,
# saying ...", "the company issued a statement announcing ...".
PARTICIPLES = words("""
    saying claiming adding noting calling warning insisting arguing stating announcing
    explaining describing acknowledging confirming alleging telling reporting
    """)
# Passives whose agent is the source: "figures released by the ministry", "the firm
# described by The Times as ...". The second set needs a document before it: "the
# hostages were released by the rebels" credits nobody.
AGENT_VERBS = words("""
    reported described quoted cited characterized characterised estimated confirmed
    announced
    """)
DOCUMENT_AGENT_VERBS = words(
    "released published issued provided compiled posted shared collected produced"
)

# ----------------------------------------------------------------------------- sources

# Wire services and outlets: a source named here is an intermediary, not an origin.
OUTLETS = (
    "Reuters", "Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg", "BBC",
    "CNN", "dpa", "EFE", "ANSA", "Xinhua", "Kyodo", "Yonhap", "PA Media", "Press Association",
    "UPI", "TASS", "RIA Novosti", "Interfax", "Anadolu", "Al Jazeera", "Sky News", "NPR",
    "The New York Times", "The Washington Post", "The Guardian", "The Times",
    "Financial Times", "The Wall Street Journal", "Le Monde", "Der Spiegel", "El País",
    "NBC", "NBC News", "ABC", "ABC News", "CBS", "CBS News", "Fox News", "MSNBC", "CNBC",
    "ESPN", "ITV", "ITV News", "Channel 4 News", "HuffPost", "Huffington Post",
    "The Huffington Post", "Politico", "Axios", "USA Today", "Newsday", "The Atlantic",
    "The Economist", "Der Standard", "Le Figaro", "Al Arabiya", "Deutsche Welle", "DW",
    "France 24", "RFI", "Euronews", "The Independent", "The Telegraph", "Daily Mail",
    "The Sun", "The Irish Times", "RTE", "CBC", "ABC News Australia", "NHK", "Xinhua News",
    "Press TV", "Tass", "Yahoo News", "BuzzFeed News", "Vice News", "ProPublica",
    "Fox Sports", "Sky Sports", "CBS Sports", "NBC Sports", "Yahoo Sports", "BBC Sport",
)  # fmt: skip
# Words that make any name an outlet: "the state broadcaster", "a local newspaper".
OUTLET_WORDS = (
    r"news\s+agency|newspaper|broadcaster|state\s+media|local\s+media|state\s+television|"
    r"news\s+site|news\s+website|website|tabloid|wire(?:\s+(?:report|service|agency))?|"
    r"magazine|newswire|blog"
)
# Newspaper titles: a capitalised name they end is a paper ("the Post", "the Daily
# Courier Times", "the Millbrook Herald").
NEWSPAPER_TITLES = words(
    "Post Times Journal Herald Tribune Gazette Globe Chronicle Inquirer Examiner"
)
# Words that make a name an outlet only as its head (last, or before the outlet's own
# name) or inside a capitalised name: "state radio", "the Israeli daily", "the daily
# Courier", "Radio Free Europe", "Vatican Radio" - not "a daily update", "a radio host",
# "a television producer".
OUTLET_HEADS = words("daily radio television tv")
# Heads that as often name something else ("an extremist network", "a research paper",
# "the station"): an outlet only after a media word ("the cable network", "a news
# channel", "the local paper", "the radio station") or an outlet ("the ABC network").
MEDIA_HEADS = words("network networks channel paper station")
MEDIA_MODIFIERS = words("""
    news television tv cable broadcast broadcasting radio satellite sports media local
    student weekly daily sunday evening morning
    """)
# Sources whose capital at the start of a sentence is the sentence's, not a name's.
GENERIC_SOURCES = words("""
    the a an officials official police authorities residents witnesses rescuers
    firefighters doctors experts analysts forecasters volunteers sources survivors
    engineers scientists researchers investigators prosecutors insurers medics locals
    """)
# Role nouns: an appositive that holds one ("Jane Doe, a spokeswoman for the ministry,
# said") describes the name before it, and a "he"/"she" may stand for a person named by
# one ("a spokeswoman said ... She added").
ROLE_WORDS = words("""
    spokesman spokeswoman spokesperson head chief director minister secretary president
    chairman chairwoman chair leader member professor manager official officer commander
    mayor governor deputy adviser advisor analyst expert researcher resident owner founder
    executive coordinator representative engineer doctor treasurer attorney lawyer
    prosecutor judge detective sergeant inspector captain lieutenant commissioner
    superintendent administrator dean editor reporter correspondent author writer
    historian economist lecturer instructor teacher neighbor neighbour witness friend
    relative colleague partner aide assistant consultant strategist staffer senator
    congressman congresswoman lawmaker councillor councilman councilwoman ambassador
    diplomat general colonel agent investigator coroner pathologist physician surgeon
    nurse psychiatrist psychologist ceo cfo coo chancellor principal sheriff constable
    pastor priest rabbi imam bishop vicar chaplain producer spokespeople boss
    businessman businesswoman worker employee supervisor dispatcher operator host anchor
    fellow organizer organiser activist campaigner candidate nominee veteran survivor
    mother father son daughter brother sister wife husband uncle aunt cousin grandmother
    grandfather granddaughter grandson
    singer musician songwriter rapper guitarist drummer pianist composer actor actress
    comedian artist painter novelist poet designer star player coach boxer fighter
    striker quarterback pitcher goalkeeper champion athlete runner swimmer driver pilot
    """)
FEMALE_ROLES = words("""
    spokeswoman chairwoman congresswoman councilwoman businesswoman mother daughter
    sister wife aunt grandmother granddaughter
    """)
MALE_ROLES = words("""
    spokesman chairman congressman councilman businessman father son brother husband
    uncle grandfather grandson
    """)
# Nouns for what a document or evidence is: "it" in "It says ..." stands for one, and
# "records show" cites one.
DOCUMENT_NOUNS = words("""
    statement report indictment complaint lawsuit letter memo study survey filing document
    documents affidavit release ruling order warrant audit review assessment analysis poll
    polls website post tweet notice bulletin records record photos photographs pictures
    images video videos footage data figures statistics numbers results tests estimates
    projections reports studies surveys filings logs charges emails transcript transcripts
    """)
# What pictures a scene: "the footage shows her walking" says what is seen in it, which
# the outlet describes; it asserts nothing the way "records show" does.
PICTURE_NOUNS = words(
    "footage video videos photo photos photograph photographs picture pictures image images"
)

# ----------------------------------------------------------------------------- names

# Titles that stand before a person's name; the ones in the second and third sets say
# whether "he" or "she" may stand for that person.
PERSONAL_TITLES = words("""
    Mr Mrs Ms Miss Dr Sen Rep Gov Lt Sgt Cpl Det Capt Col Gen Maj Adm Prof Rev Insp Supt
    Cmdr Pvt Atty Judge Officer Detective Commissioner Director President Senator
    Representative Governor Mayor Chief Secretary Speaker Justice Attorney Inspector
    Sheriff Deputy Coroner Father Sister Sir Dame Lord Lady Corporal Sergeant Lieutenant
    Captain Colonel General Professor Pastor Rabbi Imam Bishop Reverend CEO Chairman
    Chairwoman Minister Chancellor Ambassador Congressman Congresswoman Councilman
    Councilwoman Superintendent Constable Trooper Agent Prince Princess King Queen Whip
    Leader
    """)
MALE_TITLES = words("Mr Sir Lord Father Prince King Congressman Councilman Chairman Brother")
FEMALE_TITLES = words(
    "Mrs Ms Miss Dame Lady Sister Princess Queen Congresswoman Councilwoman Chairwoman"
)
# Abbreviations whose full stop ends no clause: "Sen. Ida Mae Corbel", "U.S.
# Marshals", "Ashford, Miss., coroner".
ABBREVIATIONS = words("""
    Mr Mrs Ms Dr Sen Rep Gov Lt Sgt Cpl Det Capt Col Gen Maj Adm Prof Rev Insp Supt Cmdr
    Pvt Atty St Jr Sr Inc Co Corp Ltd No Nos Mt Ft Bros Messrs vs Vol Dept Univ Ave
    Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo
    Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo
    """)
# Words after which a capitalised name is not a person: places, bodies, buildings.
ORGANISATION_WORDS = words("""
    Department Ministry Police Service Services Agency Inc Corp Co Company Group
    University College School Hospital Court Council Committee Association Foundation
    Institute Center Centre Office Bureau Commission Party Times Post News Press Journal
    Herald Tribune Gazette Street Avenue Road Lane Drive Boulevard County City State
    House Senate Congress Club Team Airport Station Bank Fund Trust Authority
    Board Network Channel Magazine International Association Corporation Ltd LLC Plc
    River Lake Valley Creek Island Beach Mountain Square Building
    Republicans Democrats Administration Army Navy Force Guard Prison Jail Museum
    Foods Motors Airlines Energy Systems Industries Holdings Partners Media Studios
    Store Market Stores Fire Rescue Emergency Security Intelligence
    """)
# First words of place names: a capitalised pair that opens with one ("New Harbour",
# "North Ridge", "San Lucas") names a place, not a person.
PLACE_PREFIXES = words("""
    New Old North South East West Northern Southern Eastern Western Central Upper Lower
    Great Greater Little Los Las San Santa Santo Sao St Saint Ste Fort Port Mount Mt Lake
    Cape Grand United Royal
    """)
# Particles inside names: "Ludwig van Beethoven", "Hamid al-Rashidi".
NAME_PARTICLES = words("de da di del della der den van von bin ibn al el la le du dos das")

# Given names, to tell a person ("Ines Marlow") from a place or a body ("Harbour Point")
# and to know whether "he" or "she" may stand for them. A general list of common names,
# in alphabetical order: a name it does not know is still a person where it stands as a
# subject ("Nirmala Osei disagreed"), only of unknown gender. Names that are as often
# places or words (Virginia, Jordan, Chase, Park) are left out on purpose.
MALE_NAMES = words("""
    Aaron Abdul Abdullah Adam Adrian Ahmad Ahmed Alan Albert Alberto Alejandro Alex
    Alexander Alexei Alfred Ali Alphonse Amir Anders Andre Andrea Andreas Andrew Andy
    Angelo Anthony Antonio Arnold Arthur Barry Ben Benjamin Bernard Bernie Bill Billy
    Bob Bobby Boris Brad Bradley Brandon Brett Brian Bruce Bryan Bryant Byron Carl
    Carlos Cesar Charles Charlie Chris Christian Christopher Chuck Clarence Claude Cliff
    Clint Colin Connor Craig Curtis Dan Daniel Danny Darren Dave David Dean Dennis Derek
    Dmitry Dominic Don Donald Doug Douglas Duncan Dwight Earl Ed Eddie Edgar Eduardo
    Edward Emmanuel Enrique Eric Erik Ernest Eugene Evan Fabio Felipe Felix Fernando
    Francesco Francis Francisco Frank Franklin Fred Freddie Frederick Gabriel Gareth
    Gary Gavin Geoffrey George Gerald Gerard Gerhard Giorgio Giovanni Glenn Gordon
    Graham Greg Gregory Gustavo Guy Hal Hamid Hank Hans Harold Harry Harvey Hassan
    Hector Henry Herb Herbert Hugh Hugo Hussein Ian Ibrahim Igor Isaac Ivan Jack Jacob
    Jake James Jamie Jared Jason Javier Jay Jean Jeff Jeffrey Jeremy Jerome Jerry Jesse
    Jim Jimmy Joe Joel Johan John Johnny Jon Jonathan Jorge Jose Joseph Josh Joshua Juan
    Julian Julio Justin Karl Keith Ken Kenneth Kevin Khalid Kirk Kurt Kyle Lance Larry
    Lawrence Lee Len Leo Leon Leonard Leroy Lewis Liam Lloyd Logan Lorenzo Louis Luca
    Lucas Luis Luke Mahmoud Malcolm Manuel Marc Marco Marcus Mario Mark Martin Marvin
    Matt Matthew Max Michael Miguel Mike Mitch Mitchell Mohamed Mohammad Mohammed
    Muhammad Mustafa Nathan Neil Nicholas Nick Nicolas Nigel Noah Norman Oliver Omar
    Oscar Otto Owen Pablo Patrick Paul Pedro Pete Peter Phil Philip Phillip Pierre
    Rafael Ralph Ramon Randy Raul Ray Raymond Reggie Ricardo Richard Rick Ricky Rob
    Robert Roberto Rodney Roger Roland Ron Ronald Ross Roy Rudolph Rudy Russell Ryan Sal
    Salvatore Sam Samuel Scott Sean Sebastian Sergei Sergio Seth Shane Simon Stanley
    Stefan Stephen Steve Steven Stuart Ted Terry Theo Theodore Thomas Tim Timothy Tod
    Todd Tom Tommy Tony Travis Trevor Troy Tyler Vernon Victor Vince Vincent Vladimir
    Wade Walter Wayne Wesley Will William Willie Yusuf Zachary
    """)
FEMALE_NAMES = words("""
    Abigail Ada Adriana Agnes Aisha Alexandra Alice Alicia Alison Allison Alma Amanda
    Amber Amelia Amy Ana Andrea Angela Angelica Anita Ann Anna Anne Annie Antonia Aoife
    Ashley Audrey Barbara Beatrice Becky Belinda Bernadette Beth Betty Beverly Bonnie
    Brenda Bridget Caitlin Camilla Candace Carla Carmen Carol Carole Caroline Carolyn
    Carrie Catherine Cathy Cecilia Celia Charlene Cheryl Christina Christine Cindy
    Claire Clara Claudia Colleen Connie Constance Courtney Cristina Crystal Cynthia
    Daisy Dana Danielle Daphne Deborah Debra Deirdre Denise Diana Diane Dolores Donna
    Doris Dorothy Edith Eileen Elaine Eleanor Elena Elizabeth Ella Ellen Eloise Emily
    Emma Erica Erin Esther Eva Evelyn Fatima Felicity Fiona Frances Gabriela Gail Gemma
    Geraldine Gina Gladys Gloria Grace Gretchen Gwen Hannah Harriet Heather Heidi Helen
    Helena Hilary Hillary Holly Ingrid Irene Iris Isabel Isabella Jackie Jacqueline Jade
    Jane Janet Janice Janine Jasmine Jean Jeanne Jennifer Jenny Jessica Jill Joan Joanna
    Joanne Jocelyn Josephine Joy Joyce Judith Judy Julia Julie Juliet June Karen Kate
    Katherine Kathleen Kathryn Kathy Katie Kay Kelly Kim Kimberly Kirsty Kristen Kristin
    Laura Lauren Leah Leila Lena Linda Lisa Lois Loretta Lorraine Louise Lucia Lucille
    Lucy Lydia Lynn Madeleine Maeve Maggie Margaret Maria Mariana Marianne Marie Marilyn
    Marion Marjorie Martha Mary Maureen Maxine Megan Melanie Melissa Mercy Michelle
    Mildred Miriam Molly Monica Nadia Nancy Naomi Natalie Natasha Niamh Nicola Nicole
    Nikki Nina Nora Norma Olga Olivia Paige Pamela Patricia Paula Pauline Peggy Penelope
    Penny Phyllis Priscilla Rachel Rebecca Regina Renee Rita Roberta Rosa Rose Rosemary
    Ruth Sabrina Sally Samantha Sandra Sara Sarah Sharon Sheila Shirley Silvia Siobhan
    Sofia Sonia Sophia Sophie Stephanie Susan Suzanne Sylvia Tamara Tanya Teresa Theresa
    Tiffany Tina Tracy Ursula Valerie Vanessa Vera Veronica Victoria Violet Wanda Wendy
    Yolanda Yvonne Zoe
    """)
