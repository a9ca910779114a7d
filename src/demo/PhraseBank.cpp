#include "earshot/demo/PhraseBank.h"

#include <array>
#include <vector>

namespace earshot::demo {

namespace {

using Lines = std::vector<std::string_view>;

struct TopicPhrases {
    Lines titles;
    Lines problems;      // the first sentence of an opening post
    Lines details;       // an optional second one
    Lines firstReplies;  // the team's first answer
};

struct LanguagePhrases {
    std::array<TopicPhrases, kTopicCount> topics;
    Lines openers, closings, impatient, answers, thanks, bystanders, relapses;
    Lines greetings, followUpReplies, closingReplies, signoffs;
    Lines weekdays;
    std::string_view rePrefix;
    bool decimalComma;
};

TopicPhrases& at(LanguagePhrases& phrases, Topic topic) { return phrases.topics[std::size_t(topic)]; }

LanguagePhrases makeDutch()
{
    LanguagePhrases p;
    at(p, Topic::Delivery) = {
        {"Pakket niet bezorgd", "Bezorging weer te laat", "Waar blijft mijn bestelling?", "Bezorger kwam niet opdagen",
         "Bezorgmoment zomaar verschoven", "Bestelling {order} kwijt?", "Boodschappen bij de buren"},
        {"Mijn bestelling zou {weekday} tussen {slot} komen, maar er is niemand geweest.",
         "Al {days} dagen wacht ik op mijn pakket en de track & trace zegt nog steeds 'onderweg'.",
         "De bezorger heeft mijn boodschappen bij de verkeerde buren in {city} neergezet.",
         "De bezorging is voor de derde keer deze maand te laat.",
         "Volgens de app is mijn bestelling bezorgd, maar ik heb niks ontvangen.",
         "Het bezorgvenster werd zonder bericht verschoven naar {slot}.",
         "Mijn pakket is {weekday} teruggestuurd omdat ik 'niet thuis' zou zijn. Ik was gewoon thuis!"},
        {"Bestelnummer is {order}.", "Het gaat om bestelling {order}, ik woon in {city}.",
         "Ik heb de chat geprobeerd, maar daar krijg ik alleen een bot.",
         "De diepvriesproducten waren helemaal ontdooid.", "Ik had er speciaal vrij voor genomen.",
         "Bij de bezorging in {city} gaat het vaker mis, hoor ik van de buren."},
        {"Wat vervelend dat je bestelling niet is aangekomen! Wil je ons je bestelnummer sturen via een DM? Dan zoeken "
         "we het direct voor je uit.",
         "Sorry dat de bezorging weer niet goed ging. Ik heb de bezorgpartner gevraagd wat er is gebeurd en kom er "
         "vandaag bij je op terug.",
         "Balen! Ik zie dat je pakket bij de buren is afgegeven. Ik zet een nieuwe bezorging voor je klaar.",
         "Excuses voor het wachten. Je bestelling staat nu ingepland voor morgen tussen {slot}."}};
    at(p, Topic::Invoice) = {
        {"Dubbel afgeschreven", "Factuur klopt niet", "Onterechte incasso", "Vraag over mijn factuur",
         "Te veel betaald voor bestelling {order}", "Betalingsherinnering terwijl ik al betaald heb"},
        {"Er is twee keer {amount} van mijn rekening afgeschreven voor dezelfde bestelling.",
         "Op mijn factuur staan bezorgkosten terwijl ik een abonnement met gratis bezorging heb.",
         "Ik krijg een betalingsherinnering voor een factuur die ik allang betaald heb.",
         "De korting van {amount} is niet verrekend op mijn factuur.",
         "Waarom wordt er {amount} geïncasseerd terwijl ik niks besteld heb?"},
        {"Het gaat om bestelling {order}.", "Mijn account staat op {email}.", "Ik heb de bankafschriften hier liggen.",
         "Vorige maand gebeurde precies hetzelfde.", "Ik heb al twee keer gebeld, zonder resultaat."},
        {"Dat moet natuurlijk niet. Kun je ons je klantnummer sturen in een privébericht? Dan kijk ik of er dubbel is "
         "afgeschreven.",
         "Ik zie het, er ging iets mis bij de incasso. Het teveel betaalde bedrag storten we binnen drie werkdagen "
         "terug.",
         "Dank voor je melding. De herinnering is helaas automatisch verstuurd; je betaling is wel goed ontvangen. "
         "Je kunt hem negeren."}};
    at(p, Topic::Login) = {
        {"Kan niet inloggen in de app", "App blijft hangen bij inloggen", "Wachtwoord resetten werkt niet",
         "Inlogcode komt niet aan", "Uitgelogd na de update"},
        {"Sinds de update naar versie {version} kom ik de app niet meer in.",
         "Ik krijg steeds foutcode {code} als ik wil inloggen.",
         "De mail om mijn wachtwoord te resetten komt nooit aan op {email}.",
         "De app blijft op het laadscherm hangen na het inloggen.",
         "Elke keer als ik de app open ben ik weer uitgelogd."},
        {"Ik gebruik een iPhone met de nieuwste iOS.", "Op mijn Android-telefoon hetzelfde probleem.",
         "App al opnieuw geïnstalleerd, helpt niks.", "Via de website lukt het wel gewoon.",
         "Mijn spamfolder heb ik ook al gecheckt."},
        {"Vervelend dat je niet kunt inloggen. Wil je de app een keer verwijderen en opnieuw installeren? Werkt dat "
         "niet, stuur ons dan even je e-mailadres via DM.",
         "We kennen dit probleem met versie {version} en werken aan een oplossing. Inloggen via de website werkt wel.",
         "Ik heb je account gecontroleerd en een nieuwe inlogcode verstuurd. Komt die binnen?"}};
    at(p, Topic::Outage) = {
        {"Storing bij Verskist?", "Website ligt eruit", "App doet het niet", "Is er een storing?",
         "Bestellen lukt niet"},
        {"De website geeft al een uur een foutmelding ({code}).",
         "Afrekenen lukt niet, ik krijg alleen een wit scherm.",
         "Is er een storing? De app laadt helemaal niks.",
         "Mijn winkelmandje is steeds leeg na het vernieuwen.", "Betalen met iDEAL mislukt telkens."},
        {"Hier in {city} in ieder geval.", "Op wifi en 4G hetzelfde.", "Ik moet vóór 22:00 bestellen voor morgen!",
         "Storingsmeldingen.example staat ook vol meldingen."},
        {"Klopt, er is op dit moment een storing. Onze technici zijn ermee bezig, excuses voor het ongemak!",
         "Dank voor je melding! We hebben de storing gevonden en verwachten dat alles binnen een uur weer werkt.",
         "De storing is inmiddels verholpen. Lukt bestellen nu weer?"}};
    at(p, Topic::Refund) = {
        {"Geld terug?", "Terugbetaling duurt lang", "Retour niet verwerkt", "Wanneer krijg ik mijn geld terug?",
         "Terugbetaling bestelling {order}"},
        {"Ik heb {days} weken geleden producten geretourneerd en nog steeds geen terugbetaling.",
         "Er is beloofd dat ik {amount} terug zou krijgen, maar er is niks gestort.",
         "Mijn bestelling werd geannuleerd, maar het geld is nog niet teruggestort.",
         "Ontbrekende producten zijn niet terugbetaald."},
        {"Bestelnummer {order}.", "Ik heb een bevestiging per mail gehad op {email}.",
         "De klantenservice zei vijf werkdagen, dat is ruim voorbij."},
        {"Ik heb het even nagekeken: je terugbetaling is vandaag verwerkt en staat binnen twee werkdagen op je "
         "rekening.",
         "Sorry voor het lange wachten. Stuur je ons je bestelnummer via DM? Dan zet ik de terugbetaling met spoed "
         "door."}};
    at(p, Topic::Subscription) = {
        {"Abonnement opzeggen lukt niet", "Abonnement pauzeren", "Abonnement onverwacht verlengd",
         "Vraag over Verskist Plus"},
        {"Ik wil mijn abonnement opzeggen, maar de knop in de app doet niks.",
         "Mijn abonnement is automatisch verlengd terwijl ik had opgezegd.",
         "Hoe kan ik mijn abonnement een paar weken pauzeren tijdens de vakantie?",
         "Ik betaal nog steeds {amount} per maand voor Verskist Plus terwijl ik dat nooit heb afgesloten."},
        {"Opgezegd op {weekday}, bevestiging ontvangen op {email}.", "Ik ben al {days} jaar klant.",
         "Jammer, want verder ben ik best tevreden."},
        {"Je kunt je abonnement opzeggen via Mijn Verskist > Abonnement. Lukt het niet? Dan zeg ik het voor je op, "
         "stuur ons even een DM.",
         "Ik heb je abonnement voor je gepauzeerd. Je ontvangt een bevestiging per mail.",
         "Dat klopt inderdaad niet. Ik heb Verskist Plus stopgezet en zet de laatste betaling van {amount} terug."}};
    at(p, Topic::Quality) = {
        {"Bedorven producten geleverd", "Eieren kapot", "Houdbaarheid veel te kort", "Verkeerd product ontvangen"},
        {"De melk in mijn bestelling was al over de datum.", "Het halve doosje eieren was kapot.",
         "De aardbeien waren beschimmeld toen ze aankwamen.",
         "Ik kreeg volle melk in plaats van halfvolle, en de pasta ontbrak.",
         "Het vlees was lauw bij aankomst, de koeling was duidelijk onderbroken."},
        {"Bestelling {order}, foto's heb ik.", "Dit is de tweede keer in {days} weken.",
         "Ik heb het weggegooid, maar wel een foto gemaakt."},
        {"Oei, dat hoort niet! Ik heb het bedrag voor de producten teruggestort en het doorgegeven aan ons magazijn.",
         "Sorry hiervoor. Wil je een foto sturen via DM? Dan regelen we een vergoeding."}};
    at(p, Topic::Compliment) = {
        {"Top service!", "Compliment voor de bezorger", "Bedankt Verskist", "Wat een snelle hulp"},
        {"De bezorger was super vriendelijk en zette alles netjes binnen. Bedankt!",
         "Vandaag binnen tien minuten geholpen via de chat, echt top.",
         "Bedankt! Mijn terugbetaling was binnen een dag geregeld.",
         "Complimenten voor de bezorger in {city}, ondanks de regen altijd vrolijk.",
         "De nieuwe app werkt echt een stuk sneller, goed gedaan."},
        {"Ga zo door!", "Dit mag ook weleens gezegd worden.", "Bedankt!"},
        {"Wat leuk om te lezen, dank je wel! Ik geef het compliment door aan de bezorger.",
         "Dank je wel voor je compliment, daar worden we blij van!"}};
    at(p, Topic::Question) = {
        {"Bezorgen jullie ook in {city}?", "Vraag over bezorgkosten", "Bezorgmoment wijzigen?",
         "Hebben jullie glutenvrij brood?"},
        {"Ik verhuis binnenkort naar {city}, bezorgen jullie daar ook?", "Vanaf welk bedrag is de bezorging gratis?",
         "Kan ik mijn bestelling {order} nog aanpassen?", "Kunnen jullie ook 's avonds na 20:00 bezorgen?"},
        {"Alvast bedankt!", "Ik kon het niet vinden op de website."},
        {"Goede vraag! Bezorging is gratis vanaf € 59 en we bezorgen in heel Nederland.",
         "Ja, dat kan! Via de app kun je tot 22:00 de avond ervoor je bestelling aanpassen."}};
    at(p, Topic::Spam) = {
        {"Gratis boodschappen winnen!", "Verdien €500 per dag", "Verskist cadeaubon actie"},
        {"Win nu een Verskist-cadeaubon van {amount}! Klik op http://win-prijzen.example/verskist en vul je gegevens "
         "in.",
         "Verdien duizenden euro's met onze crypto-bot, stuur een DM voor info! http://snel-rijk.example",
         "Alleen vandaag: gratis boodschappenpakket voor de eerste 100 reacties! http://gratis-pakket.example"},
        {},
        {}};
    p.openers = {"Hallo Verskist,", "@Verskist", "Beste Verskist,", "Hé Verskist,", "Even een vraag:"};
    p.closings = {"Iemand een idee wat ik nu moet doen?", "Dit is echt belachelijk.", "Graag een reactie.",
                  "Wie heeft dit ook?", "Ik ben er helemaal klaar mee.", "Hoe lossen jullie dit op?",
                  "Alvast bedankt!", "Heel vervelend zo."};
    p.impatient = {"Hallo? Nog steeds geen reactie…", "Nog altijd niks gehoord. Iemand?",
                   "Weer een dag verder en nog niks.", "Kan iemand van Verskist hier even naar kijken?",
                   "Ik wacht nog steeds op antwoord @Verskist"};
    p.answers = {"Mijn bestelnummer is {order}.", "Ik heb jullie een DM gestuurd met mijn gegevens.",
                 "Mijn e-mailadres is {email}.", "Heb ik gedaan, maar het probleem is er nog steeds.",
                 "Het ging om {weekday}, tussen {slot}.", "Helaas, nog steeds hetzelfde. Foutcode {code}.",
                 "Oké, ik wacht het af."};
    p.thanks = {"Opgelost, bedankt!", "Top, het bedrag staat er weer op. Bedankt {agent}!",
                "Het werkt weer, dank jullie wel.", "Bedankt voor de snelle reactie!", "Fijn, dank je!"};
    p.bystanders = {"Hier precies hetzelfde!", "Zelfde probleem in {city}.",
                    "Herkenbaar, bij mij al {days} keer gebeurd.", "+1, heb ik ook.",
                    "Bij mij werkt het gewoon hoor."};
    p.relapses = {"Het is helaas weer mis.", "Toch weer hetzelfde probleem, bestelling {order}.",
                  "Het geld is nog steeds niet binnen, ondanks jullie toezegging.",
                  "Sorry, toch nog een vraag hierover."};
    p.greetings = {"Hoi {name},", "Hallo {name},", "Hi {name},", "Beste {name},"};
    p.followUpReplies = {
        "Dank voor je gegevens, ik ga ermee aan de slag en laat het je vandaag nog weten.",
        "Ik heb het voor je geregeld, je ontvangt zo een bevestiging per mail.",
        "Sorry dat het nog niet is opgelost. Ik heb het doorgezet naar de backoffice, zij nemen binnen een werkdag "
        "contact met je op.",
        "Bedankt voor je geduld! Het probleem zou nu verholpen moeten zijn. Wil je het nog eens proberen?"};
    p.closingReplies = {"Fijn dat het is opgelost! Fijne dag nog.",
                        "Graag gedaan! Laat het gerust weten als er nog iets is.",
                        "Super, dan sluit ik dit gesprek. Fijne avond!"};
    p.signoffs = {"Groetjes, {agent}", "Groet, {agent}", "^{agent}", "Fijne dag! {agent}"};
    p.weekdays = {"maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
    p.rePrefix = "Re: ";
    p.decimalComma = true;
    return p;
}

LanguagePhrases makeEnglish()
{
    LanguagePhrases p;
    at(p, Topic::Delivery) = {
        {"Package not delivered", "Late delivery again", "Where is my order?", "Driver never showed up",
         "Delivery slot changed without notice", "Order {order} missing?"},
        {"My order was due on {weekday} between {slot}, but nobody came.",
         "I've been waiting {days} days for my package and tracking still says 'in transit'.",
         "The driver left my groceries with the wrong neighbours in {city}.",
         "This is the third late delivery this month.",
         "The app says my order was delivered, but I never received anything."},
        {"Order number is {order}.", "It's order {order}, I live in {city}.",
         "I tried the chat but only got a bot.", "All the frozen stuff had completely thawed."},
        {"So sorry your order didn't arrive! Could you DM us your order number? We'll look into it right away.",
         "Sorry the delivery went wrong again. I've asked our delivery partner what happened and will get back to "
         "you today.",
         "Apologies for the wait. Your order is now scheduled for tomorrow between {slot}."}};
    at(p, Topic::Invoice) = {
        {"Charged twice", "Invoice is wrong", "Unexpected direct debit", "Question about my invoice"},
        {"I was charged {amount} twice for the same order.",
         "My invoice lists delivery fees even though my subscription includes free delivery.",
         "I got a payment reminder for an invoice I paid weeks ago.",
         "The {amount} discount wasn't applied to my invoice."},
        {"It's about order {order}.", "My account is under {email}.", "Same thing happened last month."},
        {"That shouldn't happen. Could you DM us your customer number? I'll check whether you were charged twice.",
         "I see it, something went wrong with the direct debit. We'll refund the difference within three working "
         "days."}};
    at(p, Topic::Login) = {
        {"Can't log in to the app", "App stuck at login", "Password reset not working", "Login code never arrives"},
        {"Since updating to version {version} I can't get into the app.",
         "I keep getting error {code} when I try to log in.",
         "The password reset e-mail never arrives at {email}.",
         "The app hangs on the loading screen after logging in."},
        {"I'm on an iPhone with the latest iOS.", "Same problem on my Android phone.",
         "Reinstalled the app already, no luck.", "Logging in on the website works fine."},
        {"Sorry you can't log in. Could you try removing and reinstalling the app? If that doesn't help, DM us your "
         "e-mail address.",
         "We know about this issue with version {version} and are working on a fix. Logging in on the website works "
         "in the meantime."}};
    at(p, Topic::Outage) = {
        {"Verskist down?", "Website is down", "App not working", "Is there an outage?"},
        {"The website has been showing an error ({code}) for an hour.", "Checkout fails with a blank white screen.",
         "Is there an outage? The app won't load anything.", "iDEAL payments keep failing."},
        {"Here in {city} at least.", "Same on wifi and 4G.", "I need to order before 10 pm for tomorrow!"},
        {"Yes, we're currently experiencing an outage. Our engineers are on it, sorry for the inconvenience!",
         "Thanks for letting us know! We found the problem and expect everything to work again within the hour."}};
    at(p, Topic::Refund) = {
        {"Refund?", "Refund taking forever", "Return not processed", "When do I get my money back?"},
        {"I returned items {days} weeks ago and still haven't been refunded.",
         "I was promised a refund of {amount} but nothing arrived.",
         "My order was cancelled but the money hasn't been returned."},
        {"Order number {order}.", "I got a confirmation e-mail at {email}.",
         "Customer service said five working days, that's long past."},
        {"I checked: your refund was processed today and should reach your account within two working days.",
         "Sorry for the long wait. Could you DM us your order number? I'll push the refund through."}};
    at(p, Topic::Subscription) = {
        {"Can't cancel my subscription", "Pause subscription", "Subscription renewed unexpectedly"},
        {"I want to cancel my subscription but the button in the app does nothing.",
         "My subscription renewed automatically even though I cancelled.",
         "How can I pause my subscription for a few weeks while I'm on holiday?"},
        {"Cancelled on {weekday}, confirmation sent to {email}.", "I've been a customer for {days} years."},
        {"You can cancel under My Verskist > Subscription. If that doesn't work, DM us and I'll cancel it for you.",
         "I've paused your subscription. You'll receive a confirmation by e-mail."}};
    at(p, Topic::Quality) = {
        {"Spoiled products delivered", "Broken eggs", "Wrong product received"},
        {"The milk in my order was already past its date.", "Half the eggs were broken.",
         "The strawberries were mouldy when they arrived."},
        {"Order {order}, I have photos.", "Second time in {days} weeks."},
        {"Oh no, that's not right! I've refunded those products and passed it on to our warehouse.",
         "Sorry about this. Could you DM us a photo? We'll sort out a refund."}};
    at(p, Topic::Compliment) = {
        {"Great service!", "Shout-out to the driver", "Thanks Verskist"},
        {"The driver was super friendly and carried everything inside. Thanks!",
         "Got help within ten minutes on chat today, brilliant.", "Thank you! My refund was sorted within a day."},
        {"Keep it up!", "Deserves to be said."},
        {"Lovely to read, thank you! I'll pass the compliment on to the driver.",
         "Thanks so much for the kind words, that made our day!"}};
    at(p, Topic::Question) = {
        {"Do you deliver in {city}?", "Question about delivery fees", "Change delivery slot?"},
        {"I'm moving to {city} soon, do you deliver there?", "From what amount is delivery free?",
         "Can I still change order {order}?"},
        {"Thanks in advance!", "Couldn't find it on the website."},
        {"Good question! Delivery is free from €59 and we deliver across the Netherlands.",
         "Yes, you can! You can change your order in the app until 10 pm the evening before."}};
    at(p, Topic::Spam) = {
        {"Free groceries giveaway", "Earn $500 a day", "Crypto tip"},
        {"Verskist giveaway! Claim your free box at http://free-box.example before it's gone!",
         "Buy followers cheap at http://followers.example, instant delivery!",
         "Make thousands a day with our trading bot, DM for details http://get-rich.example"},
        {},
        {}};
    p.openers = {"Hey Verskist,", "@Verskist", "Hi Verskist,", "Quick question:"};
    p.closings = {"Any idea what I should do?", "This is ridiculous.", "Please respond.", "Anyone else?",
                  "How are you going to fix this?", "Thanks in advance!"};
    p.impatient = {"Hello? Still no reply…", "Still haven't heard anything. Anyone?",
                   "Another day and still nothing.", "@Verskist could someone look at this please?"};
    p.answers = {"My order number is {order}.", "Sent you a DM with my details.", "My e-mail is {email}.",
                 "Did that, still the same problem.", "It was on {weekday}, between {slot}.",
                 "Still the same, error {code}."};
    p.thanks = {"Sorted, thanks!", "Great, the money is back. Thanks {agent}!", "Working again, thank you.",
                "Thanks for the quick reply!"};
    p.bystanders = {"Same here!", "Same problem in {city}.", "Happened to me {days} times already.", "+1",
                    "Works fine for me."};
    p.relapses = {"Unfortunately it's broken again.", "Same problem again, order {order}.",
                  "Still no money, despite what you promised.", "Sorry, one more question about this."};
    p.greetings = {"Hi {name},", "Hello {name},", "Hey {name},"};
    p.followUpReplies = {"Thanks for the details, I'm on it and will update you today.",
                         "All sorted, you'll receive a confirmation by e-mail shortly.",
                         "Sorry it's not fixed yet. I've escalated it to our back office; they'll contact you within "
                         "one working day.",
                         "Thanks for your patience! It should be fixed now, could you try again?"};
    p.closingReplies = {"Glad it's sorted! Have a nice day.", "You're welcome! Let us know if there's anything else.",
                        "Great, I'll close this conversation. Have a good evening!"};
    p.signoffs = {"Cheers, {agent}", "Best, {agent}", "^{agent}"};
    p.weekdays = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    p.rePrefix = "Re: ";
    p.decimalComma = false;
    return p;
}

const LanguagePhrases& phrasesFor(Language language)
{
    static const LanguagePhrases dutch = makeDutch();
    static const LanguagePhrases english = makeEnglish();
    return language == Language::Dutch ? dutch : english;
}

constexpr std::array<std::string_view, 20> kCities = {
    "Amsterdam", "Rotterdam", "Utrecht", "Den Haag", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda",
    "Nijmegen", "Zwolle", "Leeuwarden", "Maastricht", "'s-Hertogenbosch", "Haarlem", "Arnhem", "Enschede", "Delft",
    "Leiden", "Amersfoort"};

void appendNumber(std::string& out, std::int64_t value, int width)
{
    const std::string digits = std::to_string(value);
    if (int(digits.size()) < width)
        out.append(std::size_t(width) - digits.size(), '0');
    out += digits;
}

// Fills {slots} in a phrase; unknown slots are copied as they are, so a typo shows.
void expand(std::string_view phrase, Random& random, const LanguagePhrases& lang, const TextContext& context,
            std::string& out)
{
    std::size_t i = 0;
    while (i < phrase.size()) {
        const std::size_t open = phrase.find('{', i);
        const std::size_t close = open == std::string_view::npos ? open : phrase.find('}', open);
        if (close == std::string_view::npos) {
            out.append(phrase.substr(i));
            return;
        }
        out.append(phrase.substr(i, open - i));
        const std::string_view key = phrase.substr(open + 1, close - open - 1);
        if (key == "name") {
            out += context.customerFirstName;
        } else if (key == "agent") {
            out += context.agentFirstName;
        } else if (key == "email") {
            out += context.customerHandle;
            out += "@mail.example";
        } else if (key == "order") {
            out += "VK-";
            appendNumber(out, random.between(10000000, 99999999), 8);
        } else if (key == "amount") {
            const std::int64_t cents = random.between(295, 14995);
            out += lang.decimalComma ? "€ " : "€";
            out += std::to_string(cents / 100);
            out += lang.decimalComma ? ',' : '.';
            appendNumber(out, cents % 100, 2);
        } else if (key == "days") {
            out += std::to_string(random.between(2, 9));
        } else if (key == "city") {
            out += random.pick(kCities);
        } else if (key == "version") {
            out += "4." + std::to_string(random.between(8, 14)) + "." + std::to_string(random.between(0, 3));
        } else if (key == "code") {
            out.append("E").append(std::to_string(random.between(100, 599)));
        } else if (key == "slot") {
            const std::int64_t from = random.between(8, 20);
            appendNumber(out, from, 2);
            out += ":00-";
            appendNumber(out, from + 2, 2);
            out += ":00";
        } else if (key == "weekday") {
            out += random.pick(lang.weekdays);
        } else {
            out.append(phrase.substr(open, close - open + 1));
        }
        i = close + 1;
    }
}

void appendSentence(std::string& out, std::string_view phrase, Random& random, const LanguagePhrases& lang,
                    const TextContext& context)
{
    if (!out.empty())
        out += ' ';
    expand(phrase, random, lang, context, out);
}

}  // namespace

void PhraseBank::post(Random& random, Language language, Topic topic, PostKind kind, const TextContext& context,
                      std::string& title, std::string& body) const
{
    const LanguagePhrases& lang = phrasesFor(language);
    const TopicPhrases& phrases = lang.topics[std::size_t(topic)];
    title.clear();
    body.clear();
    if (kind == PostKind::Opening) {
        expand(random.pick(phrases.titles), random, lang, context, title);
        if (topic != Topic::Spam && random.chance(0.3))
            appendSentence(body, random.pick(lang.openers), random, lang, context);
        appendSentence(body, random.pick(phrases.problems), random, lang, context);
        if (topic == Topic::Spam)
            return;
        if (random.chance(0.6))
            appendSentence(body, random.pick(phrases.details), random, lang, context);
        if (topic != Topic::Compliment && random.chance(0.5))
            appendSentence(body, random.pick(lang.closings), random, lang, context);
        return;
    }
    title.append(lang.rePrefix).append(context.threadTitle);
    switch (kind) {
    case PostKind::Impatient:
        appendSentence(body, random.pick(lang.impatient), random, lang, context);
        break;
    case PostKind::Answer:
        appendSentence(body, random.pick(lang.answers), random, lang, context);
        if (random.chance(0.25))
            appendSentence(body, random.pick(phrases.details), random, lang, context);
        break;
    case PostKind::Thanks:
        appendSentence(body, random.pick(lang.thanks), random, lang, context);
        break;
    case PostKind::Bystander:
        appendSentence(body, random.pick(lang.bystanders), random, lang, context);
        break;
    case PostKind::Relapse:
    case PostKind::Opening:
        appendSentence(body, random.pick(lang.relapses), random, lang, context);
        break;
    }
}

void PhraseBank::reply(Random& random, Language language, Topic topic, ReplyKind kind, const TextContext& context,
                       std::string& body) const
{
    const LanguagePhrases& lang = phrasesFor(language);
    const TopicPhrases& phrases = lang.topics[std::size_t(topic)];
    body.clear();
    expand(random.pick(lang.greetings), random, lang, context, body);
    body += "\n\n";
    const Lines& lines = kind == ReplyKind::First && !phrases.firstReplies.empty() ? phrases.firstReplies
                         : kind == ReplyKind::Closing                             ? lang.closingReplies
                                                                                  : lang.followUpReplies;
    expand(random.pick(lines), random, lang, context, body);
    body += "\n\n";
    expand(random.pick(lang.signoffs), random, lang, context, body);
}

std::string_view PhraseBank::note(Random& random, Topic topic) const
{
    static const Lines general = {"Klant gebeld, afspraak gemaakt om morgen terug te bellen.",
                                  "Doorgezet naar de backoffice, ticket aangemaakt.",
                                  "Klant is al vaker gecompenseerd, graag eerst overleggen.",
                                  "Mogelijk dubbel account, nog nagaan.",
                                  "Let op: klant is erg boos, voorzichtig formuleren."};
    static const Lines delivery = {"Bezorgpartner gevraagd om foto van de aflevering.",
                                   "Nieuwe bezorging ingepland, tegoedbon van € 10 toegevoegd."};
    static const Lines money = {"Terugbetaling aangevraagd bij finance.", "Incasso gecontroleerd: dubbel afgeschreven."};
    const Lines& lines = topic == Topic::Delivery                              ? delivery
                         : (topic == Topic::Invoice || topic == Topic::Refund) ? money
                                                                               : general;
    return random.chance(0.5) ? random.pick(lines) : random.pick(general);
}

std::string_view PhraseBank::tag(Topic topic) const
{
    static constexpr std::array<std::string_view, kTopicCount> tags = {
        "bezorging", "factuur", "inloggen", "storing", "terugbetaling",
        "abonnement", "kwaliteit", "compliment", "vraag", "spam"};
    return tags[std::size_t(topic)];
}

}  // namespace earshot::demo
