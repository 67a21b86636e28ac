import type { Campaign } from "../../contracts/campaign.js";
import type { ScreenPop } from "../../contracts/screen-pop.js";
import type { ObjectionKind } from "../../contracts/turn-signals.js";
import { type Request, requestInSecondPerson } from "./pop-wording.js";

/** How a closer names each kind of concern out loud. */
const CONCERN: Record<ObjectionKind, string> = {
  price: "the price",
  competitor: "your current provider",
  timing: "the timing",
  authority: "who else needs to be involved",
  trust: "whether you can trust us with this",
};

/** A line a closer can say in other languages when the AI could not continue; short and safe. */
const WELCOME_IN: Record<string, string> = {
  Spanish:
    "Hola, gracias por esperar. Soy una persona del equipo y le atiendo en español. ¿En qué le puedo ayudar?",
  French: "Bonjour, merci d'avoir patienté. Je suis une personne de l'équipe. Comment puis-je vous aider ?",
  German: "Hallo, danke fürs Warten. Ich bin ein Mensch aus dem Team. Wie kann ich Ihnen helfen?",
  Portuguese: "Olá, obrigado por esperar. Sou uma pessoa da equipe. Como posso ajudar?",
  Italian: "Buongiorno, grazie per l'attesa. Sono una persona del team. Come posso aiutarla?",
};

export interface OpenerFacts {
  trigger: ScreenPop["trigger"];
  request: Request | undefined;
  /** A question the customer asked on the handoff turn that the closer should answer first. */
  otherQuestion: string | undefined;
  openObjection: { kind: ObjectionKind; answered: boolean } | undefined;
  confused: boolean;
  upset: boolean;
  firstMissingQuestion: string | undefined;
  language: ScreenPop["language"];
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
const asked = (question: string): string => `You asked "${question}"; let me answer that first.`;

/**
 * What the closer says first: picks up from the customer's last words, never reads out the notes and
 * never claims more than the customer said (their request is repeated in their words, nothing else).
 */
export function suggestOpener(facts: OpenerFacts, campaign: Campaign): string {
  if (facts.language && !facts.language.campaignSpeaks) {
    return (
      WELCOME_IN[facts.language.name] ??
      `Thanks for holding. The assistant could not continue in ${facts.language.name}; find a colleague who speaks it, or offer a call back.`
    );
  }
  switch (facts.trigger) {
    case "buying_intent": {
      const heard = facts.request
        ? `${capitalise(requestInSecondPerson(facts.request))}, and I can sort that out with you now.`
        : "I can take it from here and get you set up.";
      const next = facts.firstMissingQuestion
        ? ` To get it right: ${lowerFirst(facts.firstMissingQuestion)}`
        : " Shall we go through it together?";
      return `Thanks for waiting. ${heard}${next}`;
    }
    case "customer_request": {
      const follow = facts.otherQuestion
        ? asked(facts.otherQuestion)
        : facts.request && facts.request.kind !== "speak"
          ? `${capitalise(requestInSecondPerson(facts.request))}; let's do that.`
          : "What can I help you with?";
      return `Thanks for holding, you're through to a person now and I have the notes from your call, so no need to repeat yourself. ${follow}`;
    }
    case "complex": {
      if (facts.openObjection) {
        const deeper = facts.openObjection.answered
          ? " You've heard the short answer already, so let me give you the real detail."
          : " Let me take that one head on.";
        return `Thanks for bearing with me. You raised a fair point about ${CONCERN[facts.openObjection.kind]}.${deeper}`;
      }
      if (facts.confused)
        return facts.otherQuestion
          ? `Thanks for bearing with me, let me make this simpler. ${asked(facts.otherQuestion)}`
          : "Thanks for bearing with me. Let me make this simpler: what's the one thing you'd most like to know?";
      if (facts.upset)
        return "Thanks for bearing with me, and sorry this call hasn't been smooth. What would be most useful to you right now?";
      return facts.otherQuestion
        ? `Thanks for bearing with me. ${asked(facts.otherQuestion)}`
        : "Thanks for bearing with me. How can I help?";
    }
    case "qualified":
      return facts.otherQuestion
        ? `Thanks for your time with the assistant. ${asked(facts.otherQuestion)}`
        : `Thanks for your time with the assistant. Could I walk you through how ${campaign.product.name} would work for you?`;
    default:
      return facts.otherQuestion
        ? `Thanks for holding, you're through to a person now. ${asked(facts.otherQuestion)}`
        : "Thanks for holding, you're through to a person now. Sorry about the wait; how can I help?";
  }
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
