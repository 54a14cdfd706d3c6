"""The words the entry search reads a query with, besides the handbook's own: stop
words, the words that say a parent's intent (a question, a worry, an age, a negation) in
each language, and what the notices need (emergency, illness, a fever under 3 months).

Written into the up-front index (render/search.py); crawl-search.js reads them.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from sphinx_crawl.config import crawl_config
from sphinx_crawl.contacts import fill_contacts
from sphinx_crawl.core.ages import MONTH_DAYS
from sphinx_crawl.core.emergency_words import (
    YOUNG_FEVER_MONTHS,
    default_asking,
    default_fever,
    default_still,
    own_length,
)
from sphinx_crawl.i18n import _
from sphinx_crawl.render.emergency import search_data as _emergency_data
from sphinx_crawl.render.search_shards import fold

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


#: Words a query's meaning does not hang on ("little one" and pronouns stand for the
#: baby; "one" alone matters: "one side"). Not indexed in entries' text; crawl-search.js
#: drops them from queries.
_STOP_TEXT = (
    "a about an and are as at be but by can do does doing for from get has have how i if in "
    "into is it its me my of on or our should so that the their them then there they "
    "this to too up was we what when where which who why will with you your baby babies "
    "babys child he she his her him son daughter lo old "
    # What else parents call the baby (s50: "my kiddo crawls backwards", "my lil one..."
    # listed a red flag first, "kiddo" and "lil" read as typos of the entries' words).
    "bub bubba bubs kiddo kid lil "
    # Words that only make another stronger (s51: "baby very stiff when i pick him up"
    # missed "Stiff arms or legs", which "baby stiff when i pick him up" finds first).
    "very really"
)
STOP_WORDS = frozenset(_STOP_TEXT.split())


def _listed(text: str) -> list[str]:
    return text.split()


#: Hot weather, a hot day, a room's or the water's temperature: not a fever.
_HEAT_EN = (
    "weather",
    "day",
    "days",
    "summer",
    "sun",
    "outside",
    "room",
    "house",
    "floor",
    "tiles",
    "climate",
)
_ROOMS_EN = ("room", "house", "bath", "water", "floor", "bedroom", "nursery", "ideal", "right")
_HEAT_ES = (
    "de la habitación",
    "del cuarto",
    "de la casa",
    "del agua",
    "del baño",
    "de la bañera",
    "del suelo",
    "ambiente",
    "ideal",
)

#: Things a parent names that may be blue, and are not the baby (a toy, a mat). Not
#: the eyes: "went blue, eyes rolled back" reads as "blue eyes" once commas go.
_BLUE_THINGS_EN = (
    "toy",
    "toys",
    "mat",
    "mats",
    "ball",
    "blanket",
    "rug",
    "carpet",
    "clothes",
    "shirt",
    "socks",
    "tunnel",
    "box",
    "cup",
    # A play mat, eyes, veins under the skin, a birthmark (s38: "crawling on a grey
    # rug", "my blue eyed baby", "blue veins on his head" were told to call now).
    "play",
    "playmat",
    "eyed",
    "vein",
    "veins",
    "birthmark",
    "birthmarks",
)
_BLUE_THINGS_ES = (
    "juguete",
    "juguetes",
    "alfombra",
    "tapete",
    "pelota",
    "manta",
    "ropa",
    "camiseta",
    "calcetines",
    "túnel",
    "caja",
    "vaso",
    "ojos",
    "venas",
)

#: "Down" that is no drowning ("sit down", "crawls down the stairs"); "face down" in
#: water, and "fell down the stairs", still are an emergency.
_DOWN_EN = (
    "sit",
    "sits",
    "lie",
    "lies",
    "lay",
    "put",
    "calm",
    "upside",
    "get",
    "gets",
    "climb",
    "climbs",
    "crawl",
    "crawls",
    "slide",
    "slides",
    "settle",
)

#: Not responding to a name or to sounds: a worry for the doctor, not a collapse.
_RESPOND_EN = ("respond", "responding", "responds", "react", "reacting")
_CALLED_EN = ("his name", "her name", "their name", "name", "sounds", "sound", "noise", "noises")
_RESPOND_ES = ("responde", "reacciona")
_CALLED_ES = (
    "a su nombre",
    "cuando lo llamo",
    "cuando la llamo",
    "a los sonidos",
    "al sonido",
    "a los ruidos",
)

#: Words that say what a query wants rather than what about (crawl-search.js): a question's
#: first word, a worry, an age, a negation. English; other languages below.
INTENT_WORDS: dict[str, list[str]] = {
    "question": _listed(
        "is are why when how what whats should can could does do will would who where"
    ),
    "worry": _listed("worry worried worrying worries concerned normal ok okay fine sign"),
    "age": _listed("month months week weeks year years mo mos mth mths day days toddler toddlers"),
    # A toddler walks, or is of an age to: 12 months at least ("my toddler only crawls
    # backwards" is the sign for one year, not the answer for a younger baby).
    "toddler": _listed("toddler toddlers"),
    # Units a query's age is given in ("9 months", "2 year old"), as months per unit.
    "months": _listed("month months mo mos mth mths m"),
    # "2yo", "3 yo": years old (s40: "a 2yo who only crawls backwards" read no age).
    "years": _listed("year years yr yrs yo"),
    "weeks": _listed("week weeks wk wks"),
    "days": _listed("day days"),
    # An age in two parts ("1 year 2 months", "1 year and a half", "18 months and 2
    # weeks"): the word that may join them, and a half of the first part's unit.
    "and": _listed("and"),
    "half": _listed("half"),
    # "born 6 weeks early", "6 weeks premature": how early, not how old.
    "early": _listed("early premature prem preemie prematurely born before"),
    # Of those, the words that say the baby was born: "born 6 weeks early", never "a 12
    # month old born ..." (the 12 is the age); "born at 32 weeks" (a gestation).
    "born": _listed("born"),
    # An age said with these is the corrected age ("10 months, corrected 8 months").
    "corrected": _listed("corrected adjusted"),
    # "premature by 6 weeks": the amount comes after these words.
    "early_by": _listed("by"),
    # "3 weeks ago", "for 2 months", "since 6 weeks": how long, not how old (unless
    # "old" follows: "toys for a 9 month old"); "once a week", "every 2 weeks": how often.
    "duration": _listed("ago for since past last once twice times every per"),
    "old": _listed("old"),
    # Phrases whose words name no emergency, illness or injury: "fell asleep" is not a
    # fall, "not responding to his name" is no collapse (a worry for the doctor).
    "harmless": [
        # A car park is no car a baby was left in (s42).
        "car park",
        "car parks",
        "fell asleep",
        "falls asleep",
        "fall asleep",
        "falling asleep",
        # A parent's low mood after a birth, not a blue baby (s41: "i have the baby
        # blues" was told to call an ambulance). "My baby is blue" still is.
        "baby blues",
        # "collapses onto his arms" is how a baby learning to crawl moves.
        "collapse",
        "collapses",
        "collapsing",
        *(f"{verb} to {what}" for verb in _RESPOND_EN for what in _CALLED_EN),
        # Heat that is the weather's or a room's, not the baby's; "color" is a typo
        # away from "dolor" (pain, in Spanish: every language's illness words are read).
        *(f"hot {what}" for what in _HEAT_EN),
        *(f"{what} temperature" for what in _ROOMS_EN),
        # The day's heat, however it is asked ("too hot for tummy time").
        "too hot for",
        "it is hot",
        "its hot",
        "it is too hot",
        "its too hot",
        "is it hot",
        "is it too hot",
        "when hot",
        "color",
        "colors",
        "colour",
        "colours",
        # A fit that is no seizure, and blue that is a toy's or a mat's, not the baby's:
        # "shoes that fit" and "crawling on a blue mat" were told to call an ambulance
        # (s37). A fit or blue skin, said any other way, still is an emergency.
        # (Not "has a fit", nor "fit in": "he had a fit in the bath" is a seizure.)
        *(f"{verb} a fit" for verb in ("throws", "throw", "threw", "throwing")),
        "hissy fit",
        "fit of giggles",
        "fit of laughter",
        *(f"{verb} {where}" for verb in ("fit", "fits") for where in ("through", "under")),
        "that fit",
        "that fits",
        "fit well",
        "fits well",
        "good fit",
        "well fitting",
        # What a baby wears fits (s51: "does this shoe fit a crawling baby" was told to
        # call an ambulance); a parent's worry is no dying, a toy or tummy time not
        # responded to no collapse, and a way to prevent choking no choking (s51: each
        # got the emergency notice; see also "choking hazard" below). "Unresponsive to
        # touch", "choking on food", "stop choking baby" (a baby choking now) still do.
        *(
            f"{thing} {verb}"
            for thing in ("shoe", "shoes", "sock", "socks", "clothes", "sleepsuit", "trousers")
            for verb in ("fit", "fits")
        ),
        "dying of worry",
        "dying with worry",
        # A friction graze from crawling on carpet (s52: "carpet burn on knees" got the
        # illness notice); the handbook's carpet tips answer it.
        "carpet burn",
        "carpet burns",
        "rug burn",
        "rug burns",
        # Laughing hard (s52: "baby choking on laughter" was told to call an ambulance).
        *(
            f"{verb} {how} laughter"
            for verb in ("choking", "choked", "chokes", "choke")
            for how in ("on", "with")
        ),
        *(
            f"{verb} to {what}"
            for verb in ("respond", "responding", "responds", "react", "reacting", "unresponsive")
            for what in ("tummy time", "toys", "toy", "treatment", "therapy", "physio", "exercises")
        ),
        *(f"{how} choking" for how in ("prevent", "preventing", "against", "avoid", "avoiding")),
        *(
            f"{colour} {thing}"
            for colour in ("blue", "grey", "gray", "yellow", "purple")
            for thing in _BLUE_THINGS_EN
            # Yellow eyes are jaundice's (s40: "yellow eyed baby" got no notice).
            if (colour, thing) != ("yellow", "eyed")
        ),
        # Blue eyes a baby has, not eyes rolled back after going blue.
        *(f"{verb} blue eyes" for verb in ("with", "has", "have")),
        # A syndrome's name, one typo from "drowned" in the other edition.
        "down syndrome",
        "downs syndrome",
        # Falling over as a crawling baby does, every day ("fell over" still is a fall).
        *(
            f"{verb} {way}"
            for verb in ("falls", "falling", "keeps falling")
            for way in ("over", "forward", "forwards", "backward", "backwards", "sideways")
        ),
        # Everyday words one typo, or one stem, from an emergency or illness word of
        # some language: "doing" is not "dying", "sitting" not "fitting", "more" not
        # "morado", "here" not "herida" ("couch" is not "cough" as a word of "rolled off
        # couch": a word of a notice's phrase is itself; so "bottle", of "refusing bottle",
        # is not "mottled": s43 took it out of this list, where it kept "baby refusing
        # bottle" from the illness notice)
        # ("baby doing the army crawl" was told to call an ambulance; s37); in the
        # other language's edition, "pulls" is not "pills", "lejos" not "lejía"; "hides" is
        # not "hives", "alegría" not "alergia", "puerta" not "muerta" (s38); "painted" is
        # not "fainted" ("blue face paint", s42).
        *_listed(
            "doing lying sitting bathing reaching more here never "
            "inch inches cada education pull pulls fills sharing pile piles lejos colores "
            "cálida cálido aventura imitando imita trapo hides alegría alegrías puerta "
            "puertas paint paints painted painting"
        ),
        # The same, found by a hostile round (s43): "grasping toys" was read as gasping,
        # "watches me cooking" as choking, "frowning" as drowning, "acting strange" as
        # strangled, "fitted sheet" as a fit (its stem), "conscious of strangers" as
        # unconscious: each was told to call an ambulance.
        *_listed(
            "grasping cooking frowning frowned frown frowns strange stranger strangers fitted"
        ),
        # And the dictionary's words a parent may type that the same scan ("baby <word>"
        # for every word of an English word list) found read as an emergency word: "brown
        # poop", "brown eyes" (drown), "has grown so much" (drown), "the crown of his
        # head" (drown), "muscle imbalance" (ambulance), "consulting a physio"
        # (convulsing), "a baby shaker toy" (shaken), "spooked by the vacuum" (shook),
        # "shoots backwards" (shook), "feet inverted" (inerte), "acts strangely".
        *_listed(
            "brown browns browned crown crowns crowning grown drawn imbalance collapsible "
            "confusing confusion conclusion consulting conversion commotion shaker shakers "
            "shoot shoots shooting spook spooks spooked hook hooks hooked husky dusty "
            "insert inserted invert inverted inverts strangely stranded blush blushed "
            "blushing subconscious estranged tying motto motel underrated"
        ),
        # The same scan, for the illness notice ("This handbook does not cover illness or
        # injuries" above the answer): "will my baby ever crawl forward" (fever),
        # "crawling on the beach" (bleach), "are babies allowed to crawl" (swallowed),
        # "crawls to the door" (Spanish "dolor"), "baby group" (croup), "mittens"
        # (bitten), "rough surfaces" (cough), "toy with wheels" (wheeze), "stiff limbs"
        # (limps), "crib bumper" (bump), "baby scales" (scald), "colored blocks".
        *_listed(
            "ever beach beaches allowed door doors group groups mitten mittens rough wheel "
            "wheels limbs bumper bumpers scale scales colored coloured coloring colouring "
            "showering potty potties sporty granite"
        ),
        # The same scan again (s48, 25,000 common words): "my baby aint crawling" (faint),
        # "mario" (a name: mareo), "drone" (drown), "ding" (dying) were told to call an
        # ambulance; "fewer teeth" (fever), "feel connected", "blonde", "toys overhead"
        # (overheated), "swung", "sang" (stung) got the illness notice.
        *_listed(
            "aint mario conclusions drone drones ding inept fewer connected connection "
            "connections blonde blond overhead swung sang sung hikes wheeled stunning "
            "featured images sell sells selling spell spelling bowling bloom blooming "
            "blend blended"
        ),
        "conscious of",
        "self conscious",
        # A safety question, or an idiom, not a baby choking or dying now ("choking
        # hazards for crawling babies", "he is dying to crawl").
        *(
            f"{what} {kind}"
            for what in ("choking", "choke")
            for kind in ("hazard", "hazards", "risk", "risks")
        ),
        "dying to",
        # A limp asked about, not a limp baby (s43: '"is limp"' is an emergency).
        *(f"is {whose} limp" for whose in ("a", "the", "his", "her", "my babys", "babys")),
        *(f"{verb} down" for verb in _DOWN_EN),
        # "A bit" is a little, not a bite ("is my baby a bit behind", s39).
        "a bit",
        # A baby who drops a toy was not dropped ("baby dropped his toy on the floor"
        # was read as "dropped the baby", s39).
        *(
            f"dropped {whose} {thing}"
            for whose in ("his", "her", "the")
            for thing in ("toy", "toys", "ball", "cup")
        ),
        # A baby who goes limp as a weight when lifted, a tired parent, a dead end.
        *_listed("deadweight"),
        "dead weight",
        "dead tired",
        "dead end",
        "dead loss",
        "blood pressure",
        # A sound, not a baby strangled (s40).
        *(f"strangled {what}" for what in ("noise", "noises", "sound", "sounds")),
        # Breathing said to be fine ("no breathing problems"), not Spanglish for not
        # breathing ("mi bebe no breathing", s40).
        *(f"no breathing {what}" for what in ("problems", "problem", "issues")),
        *(
            f"hospital {who}"
            for who in ("physio", "physiotherapist", "appointment", "check", "doctor", "nurse")
        ),
        # Where a baby was, not where to go now ("he was in hospital after birth").
        *(f"{at} hospital" for at in ("in", "in the", "at", "at the", "from", "from the")),
        # A car seat or a toy car, not a car a baby was left in (s42: "left in car" is an
        # emergency; "hot car" is no longer a harmless phrase: the car is among the
        # surroundings, whose heat is not the baby's).
        *_listed("carseat carseats"),
        "car seat",
        "car seats",
        "toy car",
        "toy cars",
        # Words of an emergency that say none (s54: each was told to call an ambulance):
        # a fit baby, a birth by emergency caesarean, no emergency, a course in CPR, a
        # birthmark, a skin tone, a temper, a mind made up.
        *(f"fit and {what}" for what in ("healthy", "well", "strong", "active")),
        "fit healthy",
        "fit baby",
        *(f"emergency {what}" for what in ("c section", "csection", "caesarean", "cesarean")),
        "no emergency",
        "not an emergency",
        "not emergency",
        *(f"cpr {what}" for what in ("course", "class", "classes", "training")),
        "learn cpr",
        "learn baby cpr",
        "mongolian blue spot",
        "mongolian spot",
        "mongolian spots",
        "blue spot",
        "blue spots",
        "pale skinned",
        "fair skinned",
        *(f"{colour} with {what}" for colour in ("purple", "red") for what in ("rage", "anger")),
        "dead set",
        *(f"{how} fitting" for how in ("ill", "well", "loose", "tight", "close")),
        *(f"no {what}" for what in ("fever", "seizures", "fits", "rash")),
    ],
    # Numbers in words, each with its value: "my six week old", "a month old".
    "numbers": _listed(
        "a:1 an:1 one:1 two:2 three:3 four:4 five:5 six:6 seven:7 eight:8 nine:9 ten:10 "
        "eleven:11 twelve:12"
    ),
    # A newborn, in a word or a phrase ("new born"), matched as the query says it.
    "newborn": ["newborn", "newborns", "neonate", "neonatal", "new born"],
    # A temperature's unit ("38.5 degrees", "39c", "38º"): a number in degrees is no age.
    "degrees": _listed("degrees degree deg c celsius centigrade f fahrenheit º"),
    # "Under 3 months", "less than 12 weeks": younger than the number said.
    "under": _listed("under below younger less"),
    # A number with one of these after it is a length, a weight or a time, not a
    # temperature ("40 cm", "40 minutes"); an age's units are read as ages.
    "units": _listed(
        "cm cms mm inch inches ft feet kg kgs g gram grams lb lbs pound pounds oz ounce "
        "ounces min mins minute minutes sec secs second seconds hour hours hr hrs ml times "
        "percent"
    ),
    # Heat words that may be the weather's, a room's or a floor's ("too hot for tummy
    # time", "temperature of the floor"): not read as the baby's when the query names
    # one of the ``surroundings`` (a fever word, a temperature, "feels hot" still are).
    "heat": _listed("hot warm temperature temperatures temp"),
    # (Not a car, nor the sun: a baby left in a hot car or too hot in the sun may have
    # overheated, s47: "my baby was in the hot car" got the worried parent's card alone.)
    "surroundings": _listed(
        "weather summer sunny outside outdoors room rooms house floor floors tile tiles "
        "carpet carpets rug climate heatwave tub pool nursery bedroom clothes clothing "
        "radiator heater heating stove oven water milk bottle"
    ),
    # Heat said with a spill that happened is a scald, whatever spilled (s51: "spilled
    # hot water on baby" got no notice, its heat read as the water's): the heat words
    # then stay. In the past only: "can i pour warm water on baby" asks about a bath.
    "spilled": _listed("spilled spilt poured splashed tipped"),
    # A temperature said with the bath is the water's ("is 38 degrees too hot for the
    # bath"), though heat said with it is the baby's ("my 2 month old is hot after the
    # bath": a fever word still counts).
    "bath": _listed("bath baths bathwater bathtub"),
    "negation": _listed("not no never doesnt dont wont cant isnt stopped"),
    # A parent who says they are worried is shown where to get help among the first
    # results, whatever else matched.
    "alarm": _listed(
        "worry worried worrying worries concerned concern scared afraid anxious wrong "
        # (s54: "my 50 day old has been off all day and I'm frightened" got no notice.)
        "frightened terrified panicking panicked"
    ),
    # A worry that names nothing the handbook is about ("my baby is not ok", "something
    # is off"): words about the baby or of no topic, and words that say something is
    # amiss. A query of these (and stop and intent words) gets where to get help first.
    "vague": _listed(
        "baby babies child son daughter ok okay right fine well something think feel going on just "
        # "Not himself", "she seems off" (s53); "doesn't seem right", "a bit off, not his
        # usual self" (s54).
        "himself herself seems seem acting bit usual self "
        # "I don't know what to do any more", "I can't take it any more": a parent at the
        # end of their tether, no skill lost (s42: "Your baby loses a skill" came first).
        "please know anymore take cope"
    ),
    # A cry for help with nothing else ("help", "please help", "sos", "urgent") is a worry
    # too: before (s40), "help" got "How can I help my baby go forward?" first.
    "amiss": _listed(
        "wrong off feeling strange weird odd matter happening problem problems issue help sos "
        "urgent"
    ),
    # Said of a baby under ``young_weeks``, a worry (the NHS: call for a baby under 8
    # weeks when very worried; s54: "my 10 day old is floppy", "my one month old is very
    # unwell", "3 weeks old making grunting noises every breath" got a card or the
    # illness notice).
    # (Apnoea by name, at any age, is the illness notice's: s37.)
    "young_unwell": _listed(
        "floppy lethargic listless grunting grunts unwell poorly ill pitched apnea apnoea apneas"
    ),
    # Colour said of the baby, not of a thing (s42: "baby blue onesie", "purple skin
    # cream" were told to call an ambulance; "my baby is blue", "lips turning blue" are
    # an emergency). An emergency sign with one of these colours counts only where the
    # query says it of the baby (crawl-search.js): English puts a colour before its
    # noun, so the word after it says whose it is.
    "colours": _listed("blue purple grey gray bluish blueish purplish greyish grayish dusky"),
    # Colours said after their noun (Spanish, French, Portuguese: "juguete morado"): the
    # word before says whose.
    "colours_after": _listed(
        "azul azules azulito azulita azulado azulada morado morada morados moradas moradito "
        "moradita gris grises bleu bleue "
        "roxo roxa"
    ),
    # The baby, its body, and how a colour shows on skin: a colour before these is the
    # baby's ("blue lips", "purple spots", "grey tinge").
    "colour_of": _listed(
        "baby babies babys newborn infant he she him her hes shes son daughter boy girl lo "
        "twins man guy kid kiddo bub bubba bubs lips lip mouth face skin tongue gums nails "
        "fingernails fingers finger toes toe "
        "feet foot hands hand arms arm legs leg limbs body chest belly tummy head cheeks "
        "cheek chin nose ears forehead around spots spot marks mark patches patch blotches "
        "rash dots tinge tint tinged tone colour color hue spells spell episode episodes"
    ),
    # Turning a colour is the baby's, whatever follows ("went blue, eyes rolled back").
    "colour_turns": _listed(
        "turned turning turns turn went gone going goes go became becomes becoming become "
        "getting got gets get gotten"
    ),
    # A colour after these is said of the word before them ("my baby is blue"; not "the
    # mat is blue").
    "colour_is": _listed("is was are were be been looks look looking looked seems seem seemed"),
    # Words after a colour that name no thing: it is said of the baby ("blue and floppy",
    # "blue after crying", "blue, help").
    "colour_links": _listed(
        "and or but after before when while whilst during since from then now again "
        "suddenly all over around in at on with without so too very really please help what "
        "why how for of to the a an it this that like until till because cause if just "
        "still even sometimes slightly bit little quite kinda call ambulance emergency doctor "
        "hospital cold floppy limp pale sleepy clammy sweaty lifeless unresponsive breath "
        "breathe cry scream fit seizure dying dead fast quickly sick ill unwell lethargic "
        "listless weak quiet drowsy feverish hot stiff jerky shaky y o que cuando con"
    ),
    # Words between a colour and its noun ("blue and white onesie", "light blue hat",
    # "juguete de color morado"): skipped to find the noun.
    "colour_shades": _listed(
        "white red green pink yellow black orange brown navy dark light bright pastel "
        "striped stripy spotty blanco blanca rojo roja verde rosa negro negra celeste claro "
        "clara oscuro oscura marino de color muy"
    ),
    # Things a colour said after them is theirs ("pijama azul", "crema morada"), and "a
    # skin cream" or "lip balm" after a body word ("purple skin cream"); things whose name
    # ends as a verb's ("clothing") or is a typo away from a body word's ("bear", "ears").
    "colour_things": _listed(
        "cream creams balm gloss paint lotion oil mask wash cloth towel wipes soap powder "
        "makeup crayon marker pen dye masks clothing bedding stocking stockings padding "
        "lining ring swing sling bear bears cars onesie onesies romper rompers sleepsuit "
        "babygrow gate gates monitor walker bouncer carrier"
    ),
    # Words that say "no longer", a skill the baby had gone, whatever the skill, read in
    # the query's order (crawl-search.js, noLongerAt): after a negation ("doesn't crawl
    # anymore", "no more crawling", "no longer sits"), before one (Spanish "ya no"), or,
    # a negation itself (a verb of stopping), with a doing word after it that the
    # handbook's headings name ("stopped walking", "stopped rolling over"). A sign with
    # such a verb in its keywords (a skill lost) then comes first, though the skill named
    # is in a milestone's words (s44: "baby stopped walking" brought up "Walks alone: the
    # WHO window" first). Alone, or before a thing, none says a skill is gone (s45: "we
    # stopped tummy time" brought up "Your baby loses a skill" first; "baby stopped
    # crying" had it second).
    # "Suddenly", before a negation, as Spanish "ya no": "suddenly cant crawl" (s52: "Does
    # it matter if my baby skips crawling?" first, no sign of a skill lost).
    "no_longer": _listed("stopped anymore more longer suddenly"),
    # "No longer" words of quantity: said of a doing word ("no more crawling"), not of a
    # thing ("no more tummy time").
    "no_more": _listed("more"),
    # After a "no longer" word, a comparison: "no more than 5 minutes" (s45).
    "than": _listed("than"),
    # A skill not done as it was ("she doesnt babble like she used to", "doesnt sit up
    # like before"): a past word after a word of comparison (a pronoun between) says "no
    # longer" (s47: the worried parent's card alone, no lost skill).
    "compared": _listed("like as"),
    "past": _listed("before used"),
    # Before a verb of stopping, a word that says it did not happen: "hasnt stopped
    # crawling", "never stopped" (s49: no skill lost).
    "not_done": _listed("not never hasnt havent hadnt didnt wasnt isnt"),
    # Words and phrases that speak of a skill lost (s49). Without one, nor a skill said
    # gone (noLongerAt), nor a time before with a negation ("she used to sit but now she
    # doesnt"), the signs of a skill lost are not found by a query's other words: "my
    # baby had a good day crawling" found "Your baby loses a skill they already had" by
    # "had", "is he able to crawl backwards" by "used to be able to", "el desarrollo de
    # mi bebé" by "retroceso en el desarrollo", each first, urgent.
    "loss": [
        *_listed(
            "lost lose loses losing loss regression regressing regressed regress regresses "
            "forgot forgotten forgets forgetting anymore longer"
        ),
        "backwards in development",
        "going backwards developmentally",
        # Walking given up for crawling (s54: "my toddler has started crawling again
        # instead of walking" listed the walking window first; RCN: losing walking is a
        # skill lost).
        "crawling again instead of walking",
        "gone back to crawling",
        "went back to crawling",
        "now back to crawling",
    ],
    # A skill said begun after one said gone: "stopped crawling and started walking", "no
    # longer crawls because he walks now" (RCN: no regression when walking takes over);
    # "stopped crawling to stand up" (s52).
    "started": _listed("started starting starts began begun now because to"),
    # Words that may come between the words of a phrase read in order (a quoted phrase,
    # crawl-search.js), besides stop words: "his eyes keep rolling back".
    "between": _listed(
        "keep keeps kept kind sort started starts start sometimes always just then suddenly "
        "all way kinda are is were was been going went seem seems seemed"
    ),
}

#: Per language: words about the baby that carry no meaning in a query (as "baby" in
#: English), and the intent words. Stop words come from Sphinx's own list.
OTHER_LANGUAGES: dict[str, dict[str, list[str]]] = {
    "es": {
        # "Hacer" (to do) names no skill (s42: "qué hacer si gatea hacia atrás" brought up
        # "antes lo hacía", a lost skill's keyword).
        # (Y cómo llaman al bebé en otros países, s50: "mi guagua gatea" ponía "Músculos
        # muy flácidos" primero, "guagua" leído como errata de "aguado".)
        "stop": _listed(
            "bebé bebe bebés bebes hijo hija niño niña mío hacer hago nene nena guagua "
            "bebito bebita chamaco chamaca peque"
        ),
        # Sphinx's stop words that matter here: "ya no gatea" (no longer), "sin" (without).
        "keep": _listed("ya sin"),
        "question": _listed(
            "es son por cuándo cuando cómo como qué que debo debería puedo puede "
            "quién quien dónde donde hay"
        ),
        "worry": _listed(
            "preocupa preocupo preocupada preocupado preocuparme preocupación normal "
            "bien señal signo"
        ),
        "age": _listed("mes meses semana semanas año años día días dia dias"),
        "months": _listed("mes meses"),
        "years": _listed("año años ano anos añito añitos"),
        "weeks": _listed("semana semanas sem sems"),
        "days": _listed("día días dia dias"),
        # "2 años y 1 mes", "un año y medio", "año y medio".
        "and": _listed("y e"),
        "half": _listed("medio media"),
        "duration": _listed("hace desde durante últimas ultimas cada"),
        "numbers": _listed(
            "un:1 una:1 uno:1 dos:2 tres:3 cuatro:4 cinco:5 seis:6 siete:7 ocho:8 nueve:9 "
            "diez:10 once:11 doce:12"
        ),
        "early": _listed(
            "antes prematuro prematura prematuramente adelantado adelantada nació nacio "
            "nacido nacida"
        ),
        "born": _listed("nació nacio nacido nacida"),
        "corrected": _listed("corregida corregido corregidas corregidos ajustada ajustado"),
        "early_by": _listed("de por"),
        # "Recién" alone is "just" ("recién empezó a gatear"): a newborn is "recién nacido".
        "newborn": [
            f"{just} {born}"
            for just in ("recién", "recien")
            for born in ("nacido", "nacida", "nacidos", "nacidas")
        ]
        + ["neonato", "neonata"],
        "degrees": _listed("grados grado c celsius centígrados centigrados f fahrenheit º"),
        "under": _listed("menos menor menores"),
        "units": _listed(
            "centímetros centimetros metros kilos kilo gramos libras minutos minuto "
            "segundos horas hora veces"
        ),
        "heat": _listed("caliente calientes temperatura temperaturas"),
        "bath": _listed("baño bano bañera banera"),
        "surroundings": _listed(
            "suelo suelos piso baldosas baldosa alfombra habitación habitacion cuarto casa "
            "verano ambiente ropa calefacción calefaccion radiador estufa horno piscina"
        ),
        "spilled": _listed("derramé derramó derramado derramada volcó"),
        "harmless": [
            *(f"{verb} {what}" for verb in _RESPOND_ES for what in _CALLED_ES),
            *(f"temperatura {what}" for what in _HEAT_ES),
            *(f"{where} caliente" for where in ("suelo", "piso", "día", "dia")),
            # A toy car is no car a baby was left in (s42).
            *(f"{car} de juguete" for car in ("coche", "coches", "carro", "carros", "auto")),
            # As in English (s54): a birth by emergency caesarean, no emergency, one's work.
            *(f"cesárea de {what}" for what in ("urgencia", "urgencias", "emergencia")),
            "no es una emergencia",
            *(f"sin {what}" for what in ("fiebre", "convulsiones")),
            *(f"{colour} de rabia" for colour in ("morado", "morada", "rojo", "roja")),
            "de piel pálida",
            "piel clara",
            "no es urgente",
            *(f"{who} de urgencias" for who in ("enfermera", "enfermero", "médico", "médica")),
            # Idioms and safety questions, as in English (s51: each was told to call an
            # ambulance): dying of worry or to crawl, choking with laughter, preventing
            # choking, tummy time or toys not responded to, a toy that fell in the water.
            *(
                f"{who} de {what}"
                for who in ("muero", "muere", "morir", "muriendo")
                for what in ("preocupación", "preocupacion", "ganas", "miedo", "risa")
            ),
            *(
                f"{verb} {how} risa"
                # (s52: "se atragantó de risa" was told to call an ambulance.)
                for verb in (
                    "ahoga",
                    "ahogó",
                    "ahogo",
                    "ahogaba",
                    "atraganta",
                    "atragantó",
                    "atraganto",
                    "atragantaba",
                )
                for how in ("de", "con la")
            ),
            *(
                f"{how} {what}"
                for how in ("evitar que se", "prevenir que se", "para que no se")
                for what in ("atragante", "atore", "ahogue")
            ),
            *(
                f"{how} {what}"
                for how in ("prevenir", "evitar", "riesgo de")
                for what in ("atragantamiento", "atragantamientos", "asfixia")
            ),
            *(
                f"{verb} {what}"
                for verb in (*_RESPOND_ES, "responder", "reaccionar")
                for what in (
                    "a la hora boca abajo",
                    "al tiempo boca abajo",
                    "a los juguetes",
                    "al juguete",
                    "a la terapia",
                    "al tratamiento",
                    "a los ejercicios",
                    "a la fisioterapia",
                )
            ),
            *(f"cayó {what}" for what in ("el juguete", "la pelota", "el chupete")),
            # "Le fallan los brazos" (his arms give way while crawling): not a fall,
            # though its stem is English "fall" (every language's illness words are read).
            *_listed("falla fallan fallo falló fallar fallando fallaba fallaban fallaron"),
            # Everyday words a typo or a stem from an emergency word (s43, a scan of a
            # Spanish word list: "mi bebé <word>"): "adoro a mi bebé" (atoró), "es una
            # monada" (morada), "inestable al gatear", "gatea hasta el muro" (murió), "moto
            # de juguete", "comió moras", "toro de peluche", "una mota en el ojo", "pies
            # invertidos" (inerte), "agotamiento" (ahogamiento), "caótico" (cianótico)
            # were each told to call an ambulance.
            *_listed(
                "adoro adora adoras monada monadas inestable inestables inestabilidad muro "
                "muros moto motos mora moras toro toros mota motas invertida invertido "
                "invertidas invertidos agotamiento agotada agotado caótico caótica "
                "desmañada desmañado"
            ),
            # The same scan for the illness notice, which came above the answer: "se aleja
            # gateando" (alergia), "color claro" (cloro), "escala los muebles" (escaldó),
            # "una manita", "gatea por el pasillo" (pastilla), "totalmente normal"
            # (totazo), "es típico", "trato de ayudarlo", "temor" (temblor).
            # The same scan again (s48, 25,000 common words): "mario" (mareo), "abogado"
            # (ahogado) were told to call an ambulance; "cómo cuido a mi bebé" (caído),
            # "no sé qué decidir" (decaído), "cómo entrenar a mi bebé para gatear", "lo
            # trajo" (tragó) got the illness notice. "Tiene una condición" (has a condition) was
            # told to call an ambulance ("conmoción", s49); harmless with "condicionado" and
            # "acondicionado": a harmless word is also one a long word may be split into,
            # and "aire acondicionado" split as "a condicionado" was "conmocionado" (s43).
            *_listed(
                "abogado abogada encargado encargada "
                "destacado destacada conclusiones realización alojamiento aportado "
                "descarado descarada anulado mario decide decides decidir decidido "
                "decidida decidimos trajo traigo cuida cuido cuidas entrenar entrenando "
                "entrenamiento entrena avisar aviso visitando contestar contesta estén esten "
                "condición condiciones condicionado condicionada acondicionado acondicionada"
            ),
            *_listed(
                "aleja alejan alejarse claro clara claros claras escala escalar escalando "
                "escalan manita manitas manito manitos pasillo pasillos total totalmente "
                "típico típica trato temor"
            ),
            # Afraid of falling, or crawling without falling: no fall (s43: "caerse" is the
            # illness notice's).
            *(f"{what} caerse" for what in ("miedo a", "miedo de", "sin")),
            # Went without a nap: "se privó de la siesta" is no fainting (s47: it was told
            # to call an ambulance, as "se privó" is; that, "se privó de tanto llorar" and
            # "se privó durante la siesta" still are).
            *(
                f"{went} de {nap}"
                for went in ("privó", "priva", "privaba")
                for nap in ("la siesta", "su siesta", "siesta", "las siestas", "sus siestas")
            ),
            # A fit of laughter or of temper, and blue that is a toy's (s37).
            *(f"ataque de {what}" for what in ("risa", "llanto", "rabia", "celos", "berrinche")),
            *(f"{thing} azul" for thing in _BLUE_THINGS_ES),
            *(f"{thing} azules" for thing in ("juguetes", "calcetines", "ojos", "venas")),
            # Grey as blue (s38: "alfombra gris" was told to call now).
            *(
                f"{thing} {colour}"
                for thing in _BLUE_THINGS_ES
                for colour in (
                    "gris",
                    "grises",
                    "amarillo",
                    "amarilla",
                    "amarillos",
                    "amarillas",
                    # s39: "juguete morado" was told to call now.
                    "violeta",
                    "morado",
                    "morada",
                )
                # Yellow eyes are jaundice's (s40: "tiene los ojos amarillos" got no notice).
                if thing != "ojos" or not colour.startswith("amarill")
            ),
            "síndrome de down",
            *(f"{at} hospital" for at in ("en el", "en", "del")),
        ],
        "negation": _listed("no nunca ni tampoco dejó dejado"),
        "alarm": _listed(
            "preocupa preocupo preocupada preocupado preocuparme preocupación miedo "
            "asustada asustado aterrada aterrado pánico"
        ),
        "vague": _listed(
            "bebé bebe hijo hija niño niña nene nena algo bien creo va anda está esta estoy siento "
            # "No es el mismo" (not himself, s53).
            "mismo misma "
            # "No sé qué hacer" (I don't know what to do) names no topic (s41: "mi bebé no se
            # mueve, no sé qué hacer" got no notice, "hacer" read as a lost skill's word).
            "favor hacer hago "
            # "Ya no sé qué hacer", "ya no aguanto" (I don't know what to do any more, I
            # can't take it any more): a parent at the end of their tether, no skill lost
            # (s42: "Su bebé pierde una habilidad" came first).
            "ya aguanto"
        ),
        "amiss": _listed(
            "mal pasa pasando raro rara extraño extraña problema ocurre sucede presentimiento "
            "ayuda socorro auxilio urgente"
        ),
        "young_unwell": _listed(
            "flácido flácida flojito flojita flojo floja pachucho pachucha malito malita decaído "
            "decaída "
            "quejido quejidos gime gimiendo enfermo enferma"
        ),
        # Things a colour after them is theirs (s42; as the harmless phrases' toys).
        "colour_things": _listed(
            "juguete juguetes alfombra tapete pelota manta mantita ropa camiseta calcetines "
            "túnel caja vaso ojo ojos venas pijama body bodi mameluco pelele ranita enterizo "
            "crema gorro gorrito vestido zapatos peluche chupete biberón cuna sábana cobija "
            "babero pañal jersey chaqueta chamarra suéter pantalón pantalones medias "
            "cochecito carrito silla hamaca mordedor sonajero cubo pared moretón moratón "
            "rodilleras rodillera suelo piso colchoneta alfombrilla baldosas baldosa mueble "
            "sofá sillón cojín cortina leggins mallas "
            # s54: "se comió una cera azul" (a crayon), "moretones morados en las rodillas".
            "cera ceras crayón crayones moretones moratones"
        ),
        # "Ya" says "no longer" only before a negation ("ya no gatea": a skill lost); alone
        # it is "already" ("ya gatea hacia atrás"), a stop word (s42: that query, and
        # "qué hacer si gatea hacia atrás", brought up "Su bebé pierde una habilidad").
        # "No gatea más" (doesn't crawl any more, s45: no lost skill before); "dejó de
        # gatear" (stopped crawling), not "dejó la barriga abajo" nor "dejó de llorar"; "ha
        # dejado de gatear" (has stopped crawling; s46: with "dejó" alone, its other forms
        # no longer match the lost skill's keywords, and this one found it no more).
        # "De repente no gatea" (suddenly doesn't crawl), as "ya no" (s52).
        "no_longer": _listed("ya más dejó dejado repente"),
        "no_more": _listed("más"),
        # "No gatea más que hacia atrás" (only backwards), "no más de 5 minutos".
        "than": _listed("que de"),
        # "No gatea como antes", "no gatea como solía" (not as before).
        "compared": _listed("como"),
        "past": _listed("antes solía solia"),
        # "No ha dejado de gatear", "nunca dejó de gatear" (has not stopped crawling).
        "not_done": _listed("no nunca"),
        "loss": [
            *_listed(
                "perdió perdio perdido perdida pierde pierden perder perdiendo pérdida "
                "olvidó olvido olvidado olvida retroceso retrocede retrocedió "
                "retrocedio retrocediendo regresión regresion"
            ),
            "para atrás en el desarrollo",
            "hacia atrás en el desarrollo",
            # (s54, as in English.)
            "vuelto a gatear en vez de caminar",
            "volvió a gatear en vez de caminar",
        ],
        # "Dejó de gatear para ponerse de pie" (s52), as "to" in English.
        "started": _listed("empezó empezo empieza comenzó comenzo comienza ahora porque para"),
    },
}


#: Intent words not read as words of a question: ages, and phrases the notices skip.
_NOT_KEPT = frozenset(
    {
        "and",
        "half",
        "duration",
        "old",
        "numbers",
        "born",
        "early_by",
        "vague",
        "amiss",
        "young_unwell",
        "harmless",
        "degrees",
        "under",
        "units",
        "heat",
        "surroundings",
        "spilled",
        "bath",
        "toddler",
        *(key for key in INTENT_WORDS if key.startswith("colour")),
        "no_longer",
        "no_more",
        "than",
        "compared",
        "past",
        "not_done",
        "loss",
        "started",
        "between",
    }
)

#: Intent words every edition reads in every language, the edition's first, as the
#: notices read every language's emergency and illness words: "my 6 week old has a
#: fever" in the Spanish edition is a baby under 3 months. (Not the numbers in words:
#: Spanish "once" is eleven, English "once" how often.)
_EVERY_LANGUAGE = (
    "corrected",
    "months",
    "years",
    "weeks",
    "days",
    "and",
    "half",
    "early",
    "born",
    "early_by",
    "vague",
    "amiss",
    "young_unwell",
    "duration",
    "old",
    "newborn",
    "degrees",
    "alarm",
    "under",
    "units",
    "heat",
    "surroundings",
    "spilled",
    "bath",
    "toddler",
    *(key for key in INTENT_WORDS if key.startswith("colour")),
    "between",
)


def young_fever_texts(config: Config, *, numbers: bool = True) -> dict[str, str]:
    """The notice for a fever in a baby under 3 months, in the build's language: the
    HSE's "call the doctor urgently. Don't wait to get help", in words (not by colour
    alone), with the emergency number for what may be more."""
    words = {
        "fever_heading": _(
            "A baby under 3 months with a temperature of 38 °C (100.4 °F) or more: call "
            "{crawl:contact}`doctor` urgently, now."
        ),
        "fever": _("Don't wait to get help. If you think it is an emergency, call {numbers} now.")
        if numbers
        else _(
            "Don't wait to get help. If you think it is an emergency, call your local "
            "emergency number now."
        ),
    }
    return {key: fill_contacts(str(value), config) for key, value in words.items()}


def emergency_search_data(app: Sphinx) -> dict[str, Any]:
    """What the search's notices need (``render/emergency.search_data``), and the HSE's
    rule for a fever in a baby under 3 months: the fever words (every language's), the
    age in months and weeks, and the notice's words. With the illness words turned off
    (``crawl_emergency["unwell"]`` ``[]``), no fever notice either."""
    data = _emergency_data(app)
    if data and data["signs"] and crawl_config(app.config).emergency.signs is None:
        # "My baby is not moving", and nothing more: crawl-search.js reads it as an
        # emergency, unless the query says what the handbook is about (the extension's
        # words, as the signs: a handbook's own signs have none).
        data["still"] = default_still(app.config.language)
        data["asking"] = list(default_asking(app.config.language))
    if data:
        # The youngest and oldest ages the entries are about: a query for an older child
        # ("my 4 year old can't crawl") is one the handbook does not cover; a baby of
        # those ages "not moving" may mean not crawling yet (crawl-search.js).
        data["ages_months"] = age_range(app)
    if not data or not data["unwell"]:
        return _with_own_first(app, data)
    data["fever"] = list(default_fever(app.config.language))
    data["fever_months"] = YOUNG_FEVER_MONTHS
    data["fever_weeks"] = round(YOUNG_FEVER_MONTHS * MONTH_DAYS / 7, 3)
    data["texts"].update(young_fever_texts(app.config, numbers=bool(data["numbers"])))
    return _with_own_first(app, data)


def _with_own_first(app: Sphinx, data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with, as "first", how many phrases of each of the extension's lists are
    the edition's language's own (they come first; other languages' follow): a split
    index loads other languages' words only for a query with a word it does not know
    (search_shards). A list the project set (``crawl_emergency``) is all its own."""
    if not data:
        return data
    configured = crawl_config(app.config).emergency
    language = app.config.language
    first: dict[str, Any] = {}
    for key, own in (("signs", configured.signs), ("unwell", configured.unwell)):
        length = own_length(key, language) if own is None else None
        if length is not None and length < len(data[key]):
            first[key] = length
    for key in ("fever", "asking"):
        length = own_length(key, language) if key in data else None
        if length is not None and length < len(data[key]):
            first[key] = length
    if "still" in data:
        still = {key: own_length(key, language) for key in data["still"]}
        if all(length is not None for length in still.values()):
            first["still"] = still
    if first:
        data["first"] = first
    return data


def age_range(app: Sphinx) -> list[float | None]:
    """The youngest age an entry is about, and the oldest its age window reaches (or
    starts at, when it has no end), in months; None for each when no entry has an age."""
    from sphinx_crawl.domain import crawl_domain

    return crawl_domain(app.env).age_range()


def _every_harmless(first: dict[str, list[str]]) -> list[str]:
    """Every language's harmless phrases, the edition's first: the notices read every
    language's words ("hot" in the Spanish edition), so each language's phrases that
    name no illness ("hot weather") hold in every edition."""
    return _in_every_language(first, "harmless")


def _in_every_language(first: dict[str, list[str]], key: str) -> list[str]:
    """One kind of intent word in every language, the edition's (``first``) first."""
    tables = [first, INTENT_WORDS, *OTHER_LANGUAGES.values()]
    return list(dict.fromkeys(phrase for table in tables for phrase in table.get(key, [])))


def _with_every_language(first: dict[str, list[str]]) -> dict[str, list[str]]:
    """The edition's intent words, with every language's of ``_EVERY_LANGUAGE``."""
    intent = {key: list(first.get(key, [])) for key in INTENT_WORDS}
    intent["harmless"] = _every_harmless(first)
    for key in _EVERY_LANGUAGE:
        intent[key] = _in_every_language(first, key)
    return intent


def search_vocabulary(language: str | None) -> tuple[frozenset[str], dict[str, list[str]]]:
    """Stop words and intent words for the build's language (English by default; for
    another language Sphinx's stop words, and ours where we have them)."""
    code = (language or "en").split("_")[0].split("-")[0].lower()
    if code == "en":
        return STOP_WORDS, _with_every_language(INTENT_WORDS)
    ours = OTHER_LANGUAGES.get(code, {})
    intent = _with_every_language(ours)
    # Words that say the parent's intent stay ("no", "cuando", "antes"): ranking and
    # the notices read them.
    # (Not the words that only read an age: "desde", "un" say nothing of a question.)
    kept = [words for key, words in intent.items() if key not in _NOT_KEPT]
    kept.append(ours.get("keep", []))
    keep = {form for listed in kept for word in listed for form in (word, fold(word))}
    stop = (set(_sphinx_stop_words(code)) | set(ours.get("stop", []))) - keep
    return frozenset(stop), intent


def _sphinx_stop_words(code: str) -> frozenset[str]:
    """Sphinx's stop words for a language (``sphinx.search.languages`` names its class
    by import path for most languages since Sphinx 7.3; the class itself for English)."""
    from sphinx.search import languages

    found: object = languages.get(code)
    if isinstance(found, str):
        module, _, name = found.rpartition(".")
        try:
            found = getattr(import_module(module), name, None)
        except ImportError:  # a language module that cannot load: no stop words
            found = None
    return frozenset(getattr(found, "stopwords", ()))
