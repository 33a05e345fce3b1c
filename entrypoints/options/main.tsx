import { mountPage } from '~/components/mount';
import { OptionsApp } from '~/components/settings/OptionsApp';

mountPage(<OptionsApp />);
