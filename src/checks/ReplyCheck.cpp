#include "earshot/checks/ReplyCheck.h"

#include "earshot/checks/Graphemes.h"
#include "earshot/checks/LengthLimit.h"
#include "earshot/checks/PersonalData.h"
#include "earshot/checks/PhoneNumbers.h"
#include "earshot/checks/Signature.h"
#include "earshot/checks/Template.h"

namespace earshot::checks {

namespace {

// White space of any kind, including the invisible ones a paste can bring along.
bool isBlankCodePoint(char32_t c)
{
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200D) ||
           c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x2060 || c == 0x3000 || c == 0xFEFF;
}

bool isBlank(std::string_view text)
{
    for (std::size_t offset = 0; offset < text.size();) {
        const DecodedCodePoint c = decodeUtf8At(text, offset);
        if (!isBlankCodePoint(c.value))
            return false;
        offset += c.length;
    }
    return true;
}

// Links, whose digits and "@" belong to the address, not to a phone number or e-mail.
std::vector<TextSpan> findLinks(std::string_view text)
{
    std::vector<TextSpan> links;
    for (std::size_t at = 0; at < text.size(); ++at) {
        if (at > 0 && text[at - 1] != ' ' && text[at - 1] != '\n' && text[at - 1] != '(' && text[at - 1] != '\t')
            continue;
        const std::string_view rest = text.substr(at);
        if (rest.rfind("http://", 0) != 0 && rest.rfind("https://", 0) != 0 && rest.rfind("www.", 0) != 0)
            continue;
        std::size_t end = at;
        while (end < text.size() && text[end] != ' ' && text[end] != '\n' && text[end] != '\t')
            ++end;
        links.push_back({at, end - at});
        at = end;
    }
    return links;
}

bool insideAny(const TextSpan& span, const std::vector<TextSpan>& spans)
{
    for (const TextSpan& other : spans) {
        if (span.overlaps(other))
            return true;
    }
    return false;
}

void addFinding(std::vector<Finding>& findings, std::string id, std::string message, std::string messageNl,
                std::optional<TextSpan> span = std::nullopt)
{
    findings.push_back({std::move(id), std::move(message), std::move(messageNl), span});
}

void checkVariables(std::string_view text, std::vector<Finding>& findings)
{
    for (const TemplateVariable& variable : findTemplateVariables(text)) {
        const std::string written = "{" + variable.name + "}";
        if (isKnownTemplateVariable(variable.name))
            addFinding(findings, "variables",
                       written + " was not filled in (no value for this conversation): type it out or remove it.",
                       written + " is niet ingevuld (geen waarde voor dit gesprek): typ het zelf of haal het weg.",
                       variable.span);
        else
            addFinding(findings, "variables",
                       written + " is not a variable Earshot knows: correct it or remove it.",
                       written + " is geen variabele die Earshot kent: verbeter of verwijder hem.", variable.span);
    }
}

void checkLength(std::string_view text, const ReplyCheckContext& context, std::vector<Finding>& findings)
{
    const auto rule = lengthRuleFor(context.platform, context.lengthLimit);
    if (!rule)
        return;
    const LengthCount counted = countForPlatform(text, *rule);
    if (counted.count <= rule->limit)
        return;
    const std::string count = std::to_string(counted.count);
    const std::string limit = std::to_string(rule->limit);
    const std::string excess = std::to_string(counted.count - rule->limit);
    std::optional<TextSpan> span;
    if (counted.overflowOffset)
        span = TextSpan{*counted.overflowOffset, text.size() - *counted.overflowOffset};
    addFinding(findings, "length",
               "The reply is " + count + " characters; " + rule->platformLabel + " allows " + limit +
                   ". Shorten it by " + excess + ".",
               "De reactie is " + count + " tekens; " + rule->platformLabel + " staat er " + limit +
                   " toe. Maak hem " + excess + " tekens korter.",
               span);
}

void checkSignatureFinding(std::string_view text, const ReplyCheckContext& context, std::vector<Finding>& findings)
{
    const auto problem = checkSignature(text, context.agentFirstName);
    if (!problem)
        return;
    const std::string name = context.agentFirstName.empty() ? std::string("Sanne") : context.agentFirstName;
    switch (problem->kind) {
    case SignatureProblem::Kind::UnknownFirstName:
        addFinding(findings, "signature",
                   "This team signs replies by name, but your agent profile has no first name: add it, then sign "
                   "with it.",
                   "Dit team ondertekent met naam, maar je profiel heeft geen voornaam: vul hem in en onderteken "
                   "ermee.",
                   problem->span);
        break;
    case SignatureProblem::Kind::Initials:
        addFinding(findings, "signature",
                   "Sign with your first name (^" + name + "), not with initials (^" + problem->initials +
                       "): this team signs replies by name.",
                   "Onderteken met je voornaam (^" + name + "), niet met initialen (^" + problem->initials +
                       "): dit team ondertekent met naam.",
                   problem->span);
        break;
    case SignatureProblem::Kind::Missing:
        addFinding(findings, "signature",
                   "End the reply with your first name (for example \"Groet, " + name + "\" or \"^" + name +
                       "\"): this team signs replies by name.",
                   "Sluit af met je voornaam (bijvoorbeeld \"Groet, " + name + "\" of \"^" + name +
                       "\"): dit team ondertekent met naam.",
                   problem->span);
        break;
    }
}

}  // namespace

std::vector<Finding> checkReply(std::string_view text, const ReplyCheckContext& context)
{
    std::vector<Finding> findings;
    if (isBlank(text)) {
        addFinding(findings, "empty", "The reply is empty: write a message before sending.",
                   "De reactie is leeg: schrijf eerst een bericht.");
        return findings;
    }

    const std::vector<TextSpan> links = findLinks(text);
    std::vector<TextSpan> explained = links;
    const std::vector<TextSpan> emails = findEmailAddresses(text);
    const std::vector<TextSpan> ibans = findIbans(text);
    explained.insert(explained.end(), emails.begin(), emails.end());
    explained.insert(explained.end(), ibans.begin(), ibans.end());

    if (context.publicReply) {
        for (const TextSpan& span : emails) {
            if (!insideAny(span, links))
                addFinding(findings, "email",
                           "E-mail address in a public reply: ask the customer to continue in a private message "
                           "instead.",
                           "E-mailadres in een openbare reactie: vraag de klant verder te gaan in een privébericht.",
                           span);
        }
        for (const TextSpan& span : findPhoneNumbers(text, explained))
            addFinding(findings, "phone",
                       "Phone number in a public reply: share it in a private message instead.",
                       "Telefoonnummer in een openbare reactie: deel het liever in een privébericht.", span);
    }
    for (const TextSpan& span : ibans)
        addFinding(findings, "iban",
                   "Bank account number (IBAN) in the reply: never exchange bank details over social media; "
                   "handle payments through the website or by phone.",
                   "Rekeningnummer (IBAN) in de reactie: wissel nooit bankgegevens uit via social media; regel "
                   "betalingen via de website of telefonisch.",
                   span);
    if (context.publicReply) {
        for (const TextSpan& span : findDutchAddresses(text)) {
            if (!insideAny(span, links))
                addFinding(findings, "postcode",
                           "Address (postcode and house number) in a public reply: remove it or continue in a "
                           "private message.",
                           "Adres (postcode en huisnummer) in een openbare reactie: haal het weg of ga verder in een "
                           "privébericht.",
                           span);
        }
    }
    checkVariables(text, findings);
    checkLength(text, context, findings);
    if (context.signatureRequired)
        checkSignatureFinding(text, context, findings);
    return findings;
}

}  // namespace earshot::checks
