import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '@sagsflow/config';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Stable per alert, so a repeated send is recognisably the same message. */
  messageId: string;
}

/** E-mail through the configured SMTP server; without SMTP_URL, e-mail is off (alerts still go live). */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport?: Transporter;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Pooled: one SMTP connection serves many messages instead of one handshake per message.
    if (config.SMTP_URL) this.transport = createTransport(pooled(config.SMTP_URL));
    else this.logger.warn('SMTP_URL is not set: alerts are not e-mailed');
  }

  get enabled(): boolean {
    return this.transport !== undefined;
  }

  async send(mail: Mail): Promise<void> {
    await this.transport?.sendMail({ from: this.config.MAIL_FROM, ...mail });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

/** The SMTP URL with nodemailer's connection pool switched on (`?pool=true`), unless it says otherwise. */
function pooled(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true');
  return url.toString();
}
